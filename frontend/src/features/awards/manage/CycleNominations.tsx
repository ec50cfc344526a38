import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { Pager } from '@/components/Pager';
import { useLocalized } from '@/i18n/localized';
import { awardsQueries } from '@/features/awards/api';
import { useCursorPages } from '@/lib/paging';
import { StatusBadge } from '@/components/StatusBadge';
import type { CycleViewProps } from './CycleArea';
import { Eligibility } from './Eligibility';
import type { NominationStatus } from './model';
import { NominateForm } from './NominateForm';
import { NominationActions } from './NominationActions';

const STATUSES: readonly NominationStatus[] = ['submitted', 'shortlisted', 'winner', 'not_awarded', 'withdrawn'];

/**
 * The nominations of a cycle (`GET /nominations?cycle=`), filtered by category and status in the
 * URL, with the decisions and withdrawals the cycle's stage allows, and a form to nominate a city.
 */
export function CycleNominations({ cycle }: CycleViewProps) {
  const { t } = useTranslation('manage');
  const { text, date } = useLocalized();
  const [params, setParams] = useSearchParams();
  const c = cycle.data;
  const category = params.get('category') ?? '';
  const statusParam = params.get('status') ?? '';
  const status = STATUSES.find((s) => s === statusParam);
  const pages = useCursorPages(`${category}|${status ?? ''}`);
  const nominations = useQuery(
    awardsQueries.nominationList({ cycle: c.id, category: category || undefined, status, cursor: pages.cursor, limit: 50 }),
  );
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const categoryName = (slug: string) => {
    const found = c.categories.find((cat) => cat.slug === slug);
    return found ? text(found.name) : slug;
  };
  return (
    <>
      <p>{t(`nominations.stage_${c.status}`)}</p>
      <section aria-labelledby="nominations-heading">
        <h2 id="nominations-heading">{t('nominations.heading')}</h2>
        <div className="filters manage-filters">
          <label>
            {t('nominations.filter_category')}
            <select value={category} onChange={(e) => setFilter('category', e.target.value)}>
              <option value="">{t('nominations.all_categories')}</option>
              {c.categories.map((cat) => (
                <option key={cat.slug} value={cat.slug}>
                  {text(cat.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('nominations.filter_status')}
            <select value={status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
              <option value="">{t('nominations.all_statuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.nomination.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <DataState query={nominations}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t('nominations.empty')}</p>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="data">
                    <caption className="visually-hidden">{t('nominations.caption', { title: text(c.title) })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('nominations.city')}</th>
                        <th scope="col">{t('nominations.category')}</th>
                        <th scope="col">{t('nominations.status')}</th>
                        <th scope="col">{t('nominations.submitted')}</th>
                        <th scope="col">{t('nominations.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((n) => (
                        <tr key={n.id}>
                          <th scope="row">
                            <Link to={`/cities/${n.city}`}>{text(n.city_name)}</Link>
                            <span className="stage-note">{t('nominations.number', { id: n.id })}</span>
                            {(n.statement || n.evidence_links.length > 0 || n.source_url) && (
                              <details>
                                <summary>{t('nominations.statement')}</summary>
                                {n.statement && <p>{n.statement}</p>}
                                {n.evidence_links.length > 0 && (
                                  <ul>
                                    {n.evidence_links.map((l) => (
                                      <li key={l}>
                                        <a href={l}>{l}</a>
                                      </li>
                                    ))}
                                  </ul>
                                )}
                                {n.source_url && (
                                  <p>
                                    {t('nominations.source')}: <a href={n.source_url}>{n.source_url}</a>
                                  </p>
                                )}
                              </details>
                            )}
                          </th>
                          <td>{categoryName(n.category)}</td>
                          <td>
                            <StatusBadge kind="nomination" status={n.status} />
                          </td>
                          <td>{date(n.created_at)}</td>
                          <td>
                            <NominationActions cycle={c} nomination={n} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager
                  shown={page.items.length}
                  total={page.total}
                  hasPrevious={pages.hasPrevious}
                  hasNext={!!page.next_cursor}
                  onPrevious={pages.previous}
                  onNext={() => page.next_cursor && pages.next(page.next_cursor)}
                />
              </>
            )
          }
        </DataState>
      </section>
      <Eligibility programme={c.programme} />
      {c.status === 'open' ? (
        <NominateForm cycle={c} />
      ) : (
        <section aria-labelledby="nominate-heading">
          <h2 id="nominate-heading">{t('nominate.heading')}</h2>
          <p>{t('nominate.closed', { status: t(`status.cycle.${c.status}`) })}</p>
        </section>
      )}
    </>
  );
}
