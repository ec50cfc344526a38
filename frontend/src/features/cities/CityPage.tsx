import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Sources } from '@/components/Sources';
import { useCountries, useProvinces } from '@/api/reference';
import { CityEvents } from '@/features/events';
import { useLocalized } from '@/i18n/localized';
import { citiesQueries } from './api';
import type { City } from './CitiesTable';
import { CityAwards } from './CityAwards';
import { CityEvaluations } from './CityEvaluations';
import { CityInitiatives } from './CityInitiatives';
import { MembershipTimeline } from './MembershipTimeline';
import { shownIn } from './language';
import { webUrl } from './links';
import './cities.css';

/** The facts of a city as a description list; what is not recorded says so. */
function CityFacts({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  const { text, number, date } = useLocalized();
  const countries = useCountries();
  const provinces = useProvinces();
  const country = countries.data?.get(city.country);
  const province = city.province ? provinces.data?.get(city.province) : undefined;
  const website = webUrl(city.website);
  const none = <span className="muted">{t('not_recorded')}</span>;
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <dl className="facts">
      {fact(t('profile.name_en'), <span lang="en">{city.name.en}</span>)}
      {fact(t('profile.name_th'), city.name.th ? <span lang="th">{city.name.th}</span> : none)}
      {fact(t('profile.country'), country ? `${text(country.name)} (${city.country})` : city.country)}
      {city.province &&
        fact(t('profile.province'), province ? `${text(province.name)} (${city.province})` : city.province)}
      {province && fact(t('profile.region'), text(province.region.name))}
      {fact(t('profile.population'), city.population != null ? <Population city={city} /> : none)}
      {fact(t('profile.area'), city.area_km2 != null ? t('profile.area_value', { value: number(city.area_km2, 1) }) : none)}
      {fact(
        t('profile.coordinates'),
        city.lat != null && city.lon != null ? (
          <>
            {t('profile.coordinates_value', { lat: number(city.lat, 4), lon: number(city.lon, 4) })}
            {city.geonames_id != null && (
              <>
                {' '}
                (
                <a href={`https://www.geonames.org/${city.geonames_id}`} rel="noopener noreferrer">
                  {t('profile.geonames', { id: city.geonames_id })}
                </a>
                )
              </>
            )}
          </>
        ) : (
          none
        ),
      )}
      {fact(
        t('profile.website'),
        website ? (
          <a href={website} rel="noopener noreferrer">
            {website}
          </a>
        ) : (
          (city.website ?? none)
        ),
      )}
      {fact(t('profile.updated'), date(city.updated_at))}
    </dl>
  );
}

/** The population figure, with the year it refers to and what it is (`population_source`), where recorded. */
function Population({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  const { number } = useLocalized();
  const source = city.population_source?.trim();
  return (
    <>
      <span>{number(city.population)}</span>
      {city.population_year != null && <> {t('profile.population_year', { year: city.population_year })}</>}
      {source && (
        <>
          {' '}
          <span className="population-source muted">{source}</span>
        </>
      )}
    </>
  );
}

/** Everything public about one city: facts, memberships, initiatives, awards, published evaluation results and events. */
function CityProfile({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  const { text, language } = useLocalized();
  const description = text(city.description);
  return (
    <>
      {description ? (
        <p className="city-description" lang={shownIn(city.description, language)}>
          {description}
        </p>
      ) : (
        <p className="muted">{t('profile.no_description')}</p>
      )}
      <h2>{t('profile.facts')}</h2>
      <CityFacts city={city} />
      <Sources record={city} label={t('profile.sources', { city: text(city.name) })} />
      <h2>{t('profile.memberships')}</h2>
      <MembershipTimeline memberships={city.memberships} />
      <CityInitiatives slug={city.slug} />
      <h2>{t('profile.awards')}</h2>
      <CityAwards slug={city.slug} />
      <h2>{t('profile.evaluations')}</h2>
      <CityEvaluations slug={city.slug} />
      <CityEvents slug={city.slug} name={text(city.name)} />
    </>
  );
}

/** The public profile of one city (`/cities/:slug`); an unknown slug shows the API's 404. */
export default function CityPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('cities');
  const { text, language } = useLocalized();
  const city = useQuery(citiesQueries.detail(slug));
  const title = city.data
    ? text(city.data.name)
    : city.error instanceof ApiProblem && city.error.status === 404
      ? t('profile.not_found_title')
      : t('profile.title');
  return (
    <>
      <nav aria-label={t('profile.breadcrumb')}>
        <Link to="/cities">{t('profile.back')}</Link>
      </nav>
      <PageTitle>{title}</PageTitle>
      {city.data?.name.th && (
        <p className="city-other-name" lang={language === 'th' ? 'en' : 'th'}>
          {language === 'th' ? city.data.name.en : city.data.name.th}
        </p>
      )}
      <DataState query={city}>{(data) => <CityProfile city={data} />}</DataState>
    </>
  );
}
