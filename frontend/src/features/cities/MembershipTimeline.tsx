import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Sources } from '@/components/Sources';
import { useLocalized } from '@/i18n/localized';
import type { CityMembership } from './CitiesTable';

/** When a membership began, for ordering: the date, else 1 January of the year; unknown last. */
function joinedAt(m: CityMembership): number {
  if (m.joined_on) return Date.parse(m.joined_on);
  if (m.joined_year != null) return Date.UTC(m.joined_year, 0, 1);
  return Number.POSITIVE_INFINITY;
}

/** Memberships in the order they began (unknown join dates last, otherwise as the API lists them). */
export function byJoined(memberships: CityMembership[]): CityMembership[] {
  return [...memberships].sort((a, b) => {
    const x = joinedAt(a);
    const y = joinedAt(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
}

/**
 * A city's network memberships as a timeline: when it joined, its role and standing, when it left,
 * and where each membership is documented.
 */
export function MembershipTimeline({ memberships }: { memberships: CityMembership[] }) {
  const { t } = useTranslation('cities');
  const { text, date } = useLocalized();
  if (memberships.length === 0) return <p>{t('profile.no_memberships')}</p>;
  return (
    <ol className="timeline">
      {byJoined(memberships).map((m) => (
        <li key={m.id}>
          <h3>
            <Link to={`/networks/${m.network}`}>{text(m.network_name)}</Link>
          </h3>
          <p className="membership-meta">
            <strong>
              {m.joined_on
                ? t('profile.joined_on', { date: date(m.joined_on) })
                : m.joined_year != null
                  ? t('profile.joined_year', { year: m.joined_year })
                  : t('profile.joined_unknown')}
            </strong>
            {m.left_year != null && ` · ${t('profile.left_year', { year: m.left_year })}`}
          </p>
          <p className="membership-meta">
            {t('profile.role')}: {t(`membership_role.${m.role}`, { defaultValue: m.role })} · {t('profile.status')}:{' '}
            {t(`membership_status.${m.status}`, { defaultValue: m.status })}
          </p>
          <Sources
            record={m}
            fallbackUrl={m.source_url}
            label={t('profile.membership_sources', { network: text(m.network_name) })}
          />
        </li>
      ))}
    </ol>
  );
}
