/** What other parts of the app may use of the administration: the city editor (a city editor's own city). */
export { CityEditor } from './cities/CityEditor';
