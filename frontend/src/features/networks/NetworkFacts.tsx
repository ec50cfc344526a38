import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { OrganisationName } from '@/features/organisations';
import { useLocalized } from '@/i18n/localized';
import { MemberCount } from './MemberCount';

type Network = components['schemas']['Network'];

/**
 * A network's facts as a definition list: scope, status, secretariat, founding year, country (of a
 * national network), active members (what is recorded here, of the size last reported) and,
 * with `website`, its website. Unrecorded facts say so.
 *
 * The secretariat is the organisations linked as such (to their pages); the older free text only
 * where no organisation is linked as its secretariat. With `organisationsShown` (the page lists
 * the linked organisations with their roles) it is left to that list.
 */
export function NetworkFacts({ network, countryName, website = false, organisationsShown = false }: {
  network: Network;
  countryName: (code: string) => string;
  website?: boolean;
  organisationsShown?: boolean;
}) {
  const { t } = useTranslation('networks');
  const { text } = useLocalized();
  const unknown = <span className="muted">{t('facts.not_recorded')}</span>;
  // Loose: an older answer has no `organisations`.
  const links = network.organisations ?? [];
  const secretariats = links.filter(
    (link, i) => link.role === 'secretariat' && links.findIndex((l) => l.role === 'secretariat' && l.slug === link.slug) === i,
  );
  return (
    <dl className="facts">
      <dt>{t('facts.scope')}</dt>
      <dd>{t(`scope.${network.scope}`)}</dd>
      <dt>{t('facts.status')}</dt>
      <dd>
        <span className={`badge network-status-${network.status}`}>{t(`status.${network.status}`)}</span>
      </dd>
      {secretariats.length === 0 ? (
        <>
          <dt>{t('facts.secretariat')}</dt>
          <dd>{network.secretariat ? text(network.secretariat) : unknown}</dd>
        </>
      ) : (
        !organisationsShown && (
          <>
            <dt>{t('facts.secretariat')}</dt>
            <dd>
              {secretariats.map((link, i) => (
                <span key={link.slug}>
                  {i > 0 && ', '}
                  <OrganisationName organisation={link} />
                </span>
              ))}
            </dd>
          </>
        )
      )}
      <dt>{t('facts.founded')}</dt>
      <dd>{network.founded_year ?? unknown}</dd>
      {network.country && (
        <>
          <dt>{t('facts.country')}</dt>
          <dd>{countryName(network.country)}</dd>
        </>
      )}
      <dt>{t('facts.members')}</dt>
      <dd>
        <MemberCount network={network} />
      </dd>
      {website && (
        <>
          <dt>{t('facts.website')}</dt>
          <dd>{network.website ? <a href={network.website}>{network.website}</a> : unknown}</dd>
        </>
      )}
    </dl>
  );
}
