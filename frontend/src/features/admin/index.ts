/**
 * What other parts of the app may use of the administration: the city editor (a city editor's own
 * city), and the pieces of its record forms that the events editor shares: the sources editor
 * with its form values, the URL filters and search box of its lists, the value conversions, and the
 * list of archived records to restore (with the readers of an audited record it describes them by).
 */
export { ArchivedRecords } from './ArchivedRecords';
export { recordName, textField } from './audit/auditRecord';
export { CityEditor } from './cities/CityEditor';
export { SearchBox } from './SearchBox';
export { SourcesEditor, provenanceLabel, showFormValue } from './SourcesEditor';
export {
  emptyProvenance,
  isProvenanceField,
  provenanceCreateBody,
  provenancePatch,
  provenanceValues,
  type ProvenanceValues,
} from './provenanceForm';
export {
  archivedName,
  localizedPatch,
  numberOrNull,
  numberText,
  textOrNull,
  useDateTime,
  useStaffRights,
  useUrlFilters,
} from './shared';
