import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '@/api/reference';
import type { components } from '@/api/schema';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { oneOf } from '@/lib/choices';
import { useUrlPaging } from '@/lib/paging';
import { networksQueries } from './api';
import { NetworkFacts } from './NetworkFacts';
import './networks.css';

const SCOPES = ['global', 'regional', 'national'] as const satisfies readonly components['schemas']['NetworkScope'][];
const STATUSES = ['active', 'planned', 'inactive'] as const satisfies readonly components['schemas']['NetworkStatus'][];

/**
 * The networks of learning cities (`/networks`): each with its scope, status, secretariat,
 * founding year and number of active members, filtered by scope and status (kept in the URL).
 */
export default function NetworksPage() {
  const { t } = useTranslation(['networks', 'common']);
  const { text, number } = useLocalized();
  const paging = useUrlPaging();
  const countries = useCountryNames();
  const scope = oneOf(paging.params.get('scope'), SCOPES);
  const status = oneOf(paging.params.get('status'), STATUSES);
  const query = { scope, status, cursor: paging.cursor };
  const networks = useQuery({ ...networksQueries.list(query), placeholderData: keepPreviousData });
  const page = networks.data;
  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <p>{t('list.intro')}</p>
      <form className="filters" role="search" aria-label={t('list.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('facts.scope')}
          <select value={scope ?? ''} onChange={(e) => paging.set('scope', e.target.value)}>
            <option value="">{t('list.any_scope')}</option>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`scope.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('facts.status')}
          <select value={status ?? ''} onChange={(e) => paging.set('status', e.target.value)}>
            <option value="">{t('list.any_status')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ProblemAlert error={countries.error} />
      {networks.error ? (
        <>
          <ProblemAlert error={networks.error} />
          {paging.hasPrevious && (
            <button type="button" onClick={paging.first}>
              {t('list.first_page')}
            </button>
          )}
        </>
      ) : !page ? (
        <p className="loading" role="status">
          {t('loading', { ns: 'common' })}
        </p>
      ) : (
        <div aria-busy={networks.isPlaceholderData}>
          <p role="status">{t('list.total', { total: number(page.total) })}</p>
          {page.items.length === 0 ? (
            <p className="alert alert-warning">{t('list.empty')}</p>
          ) : (
            <ul className="cards network-cards">
              {page.items.map((network) => (
                <li key={network.slug} className="card">
                  <h2 className="network-card-title">
                    <Link to={`/networks/${network.slug}`}>{text(network.name)}</Link>
                  </h2>
                  <NetworkFacts network={network} countryName={countries.name} />
                  {network.description && <p className="network-description">{text(network.description)}</p>}
                </li>
              ))}
            </ul>
          )}
          {(paging.hasPrevious || page.next_cursor) && (
            <Pager
              shown={page.items.length}
              total={page.total}
              hasPrevious={paging.hasPrevious}
              hasNext={!!page.next_cursor}
              onPrevious={paging.previous}
              onNext={() => page.next_cursor && paging.next(page.next_cursor)}
            />
          )}
        </div>
      )}
    </>
  );
}
