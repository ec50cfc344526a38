import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useLocalized } from '@/i18n/localized';
import { webUrl } from '@/lib/urls';

type Network = components['schemas']['Network'];

/**
 * What a network's member count counts, in words: the active members recorded here and, where
 * the organisers reported a size, of how many ("128 of 425 members recorded here (30 %); its
 * organisers reported 425 on 4 December 2025", with a link to the report). Without a reported
 * size only "128 members recorded here".
 */
export function MemberCount({ network }: { network: Pick<Network, 'member_count' | 'reported'> }) {
  const { t } = useTranslation('networks');
  const { number, date } = useLocalized();
  const recorded = network.member_count;
  const reported = network.reported ?? null;
  const members = reported?.members ?? null;
  const countries = reported?.countries ?? null;
  const share = members ? (recorded * 100) / members : null;
  const recordedText =
    members && share != null
      ? t('count.recorded_of', { n: number(recorded), reported: number(members), percent: number(share, share < 10 ? 1 : 0) })
      : t('count.recorded', { count: recorded, n: number(recorded) });
  if (!reported || (members == null && countries == null)) return <span className="member-count">{recordedText}</span>;
  const figures = { members: number(members), countries: number(countries), date: date(reported.as_of) };
  const reportedText =
    members != null && countries != null
      ? t('count.reported_members_countries', figures)
      : members != null
        ? t('count.reported_members', figures)
        : t('count.reported_countries', figures);
  const url = webUrl(reported.source_url);
  return (
    <span className="member-count">
      {t('count.with_report', { recorded: recordedText, reported: reportedText })}
      {url && (
        <>
          {' '}
          (<a href={url} rel="noopener noreferrer">{t('count.source')}</a>)
        </>
      )}
    </span>
  );
}
