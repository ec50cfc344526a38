import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useLocalized } from '@/i18n/localized';
import { useCountries, useProvinces } from '@/api/reference';
import { shownIn } from './language';

export type City = components['schemas']['City'];
export type CityMembership = components['schemas']['CityMembership'];

/** A membership in a few words: the network, the years, and the status when not active. */
export function MembershipSummary({ membership }: { membership: CityMembership }) {
  const { t } = useTranslation('cities');
  const { text } = useLocalized();
  const years = [
    membership.joined_year != null ? t('table.since', { year: membership.joined_year }) : '',
    membership.left_year != null ? t('table.left', { year: membership.left_year }) : '',
  ].filter(Boolean);
  return (
    <>
      <Link to={`/networks/${membership.network}`}>{text(membership.network_name)}</Link>
      {years.length > 0 && ` (${years.join(', ')})`}
      {membership.status !== 'active' && (
        <>
          {' '}
          <span className="badge">{t(`membership_status.${membership.status}`, { defaultValue: membership.status })}</span>
        </>
      )}
      {membership.role !== 'member' && (
        <>
          {' '}
          <span className="badge">{t(`membership_role.${membership.role}`, { defaultValue: membership.role })}</span>
        </>
      )}
    </>
  );
}

interface Props {
  cities: City[];
  /** Archived cities have no public profile to link to. */
  archived: boolean;
}

/** The directory's results: one row per city, scrolling sideways on a narrow screen. */
export function CitiesTable({ cities, archived }: Props) {
  const { t } = useTranslation('cities');
  const { text, number, date, language } = useLocalized();
  const countries = useCountries();
  const provinces = useProvinces();
  const caption = useId();
  return (
    <div className="table-wrap" role="region" aria-labelledby={caption} tabIndex={0}>
      <table className="data cities-table">
        <caption id={caption} className="visually-hidden">
          {archived ? t('table.caption_archived') : t('table.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.country')}</th>
            <th scope="col">{t('table.province')}</th>
            <th scope="col">{t('table.networks')}</th>
            <th scope="col" className="num">
              {t('table.population')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cities.map((city) => {
            const country = countries.data?.get(city.country);
            const province = city.province ? provinces.data?.get(city.province) : undefined;
            return (
              <tr key={city.id}>
                <th scope="row">
                  {archived ? (
                    <>
                      <span lang={shownIn(city.name, language)}>{text(city.name)}</span>{' '}
                      <span className="badge">{t('table.archived_on', { date: date(city.archived_at) })}</span>
                    </>
                  ) : (
                    <Link to={`/cities/${city.slug}`} lang={shownIn(city.name, language)}>
                      {text(city.name)}
                    </Link>
                  )}
                </th>
                <td>{country ? text(country.name) : city.country}</td>
                <td>{province ? text(province.name) : (city.province ?? '')}</td>
                <td>
                  {city.memberships.length === 0 ? (
                    <span className="muted">{t('table.no_memberships')}</span>
                  ) : (
                    <ul className="plain-list">
                      {city.memberships.map((m) => (
                        <li key={m.id}>
                          <MembershipSummary membership={m} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="num">
                  {city.population != null ? number(city.population) : <span className="muted">{t('not_recorded')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
