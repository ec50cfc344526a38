import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { Sources } from '@/components/Sources';
import { useLocalized } from '@/i18n/localized';

type Member = components['schemas']['NetworkMember'];

/** One page of a network's members: city, country, role, status, when they joined, and the source. */
export function MemberTable({ members, countryName }: { members: Member[]; countryName: (code: string) => string }) {
  const { t } = useTranslation('networks');
  const { text, date } = useLocalized();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{t('members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.city')}</th>
            <th scope="col">{t('members.country')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.status')}</th>
            <th scope="col">{t('members.joined')}</th>
            <th scope="col">{t('members.source')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.membership_id}>
              <th scope="row">
                <Link to={`/cities/${m.city.slug}`}>{text(m.city.name)}</Link>
              </th>
              <td>{countryName(m.city.country)}</td>
              <td>{t(`role.${m.role}`)}</td>
              <td>
                {t(`member_status.${m.status}`)}
                {m.left_year != null && <> {t('members.left', { year: m.left_year })}</>}
              </td>
              <td className="member-joined">
                {m.joined_on ? (
                  <time dateTime={m.joined_on}>{date(m.joined_on)}</time>
                ) : m.joined_year != null ? (
                  m.joined_year
                ) : (
                  <span className="muted">{t('facts.not_recorded')}</span>
                )}
              </td>
              <td>
                <Sources
                  record={m}
                  fallbackUrl={m.source_url}
                  label={t('members.sources_of', { city: text(m.city.name) })}
                  compact
                />
                {m.note && <p className="member-note">{m.note}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
