import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { Pager } from '@/components/Pager';
import { PageTitle } from '@/components/PageTitle';
import { useLocalized } from '@/i18n/localized';
import { awardsQueries } from '@/features/awards/api';
import { useCursorPages } from '@/lib/paging';
import { StatusBadge } from '@/components/StatusBadge';
import { CYCLE_STAGES, type CycleStatus, type Programme } from './model';

/** The cycles of one programme, drafts included, newest first. */
function ProgrammeCycles({ programme, status }: { programme: Programme; status: CycleStatus | undefined }) {
  const { t } = useTranslation('manage');
  const { text, date } = useLocalized();
  const pages = useCursorPages(status ?? '');
  const cycles = useQuery(
    awardsQueries.cycleList({ programme: programme.slug, status, cursor: pages.cursor, limit: 50 }),
  );
  const headingId = `programme-${programme.slug}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{text(programme.name)}</h2>
      <p>
        <Link to={`/manage/awards/new?programme=${programme.slug}`}>
          {t('awards.new_cycle_of', { programme: text(programme.name) })}
        </Link>
      </p>
      <DataState query={cycles}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('awards.no_cycles')}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('awards.caption', { programme: text(programme.name) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cycle.year')}</th>
                      <th scope="col">{t('awards.cycle')}</th>
                      <th scope="col">{t('cycle.status')}</th>
                      <th scope="col" className="num">{t('awards.categories')}</th>
                      <th scope="col">{t('cycle.window')}</th>
                      <th scope="col">{t('cycle.framework')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((c) => (
                      <tr key={c.id}>
                        <td>{c.year}</td>
                        <th scope="row">
                          <Link to={`/manage/awards/cycles/${c.id}`}>{text(c.title)}</Link>
                        </th>
                        <td>
                          <StatusBadge kind="cycle" status={c.status} />
                        </td>
                        <td className="num">{c.categories.length}</td>
                        <td>
                          {c.nominations_open_on || c.nominations_close_on
                            ? t('cycle.window_range', {
                                from: c.nominations_open_on ? date(c.nominations_open_on) : t('cycle.open_end'),
                                to: c.nominations_close_on ? date(c.nominations_close_on) : t('cycle.open_end'),
                              })
                            : t('cycle.window_unset')}
                        </td>
                        <td>{c.framework ?? t('cycle.no_framework')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {/* One pager per programme would repeat the "Pages" landmark: only where there is more than one page. */}
              {(pages.hasPrevious || page.next_cursor) && (
                <Pager
                  shown={page.items.length}
                  total={page.total}
                  hasPrevious={pages.hasPrevious}
                  hasNext={!!page.next_cursor}
                  onPrevious={pages.previous}
                  onNext={() => page.next_cursor && pages.next(page.next_cursor)}
                />
              )}
            </>
          )
        }
      </DataState>
    </section>
  );
}

/** The award programmes and their cycles, drafts included, with a status filter kept in the URL. */
export default function CyclesPage() {
  const { t } = useTranslation('manage');
  const [params, setParams] = useSearchParams();
  const programmes = useQuery(awardsQueries.programmeList({ limit: 200 }));
  const statusParam = params.get('status') ?? '';
  const status = CYCLE_STAGES.find((s) => s === statusParam);
  return (
    <>
      <PageTitle>{t('awards.title')}</PageTitle>
      <p className="muted">{t('awards.intro')}</p>
      <div className="actions">
        <Link className="button primary" to="/manage/awards/new">
          {t('awards.new_cycle')}
        </Link>
      </div>
      <div className="filters manage-filters">
        <label>
          {t('awards.filter_status')}
          <select
            value={status ?? ''}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
          >
            <option value="">{t('awards.all_statuses')}</option>
            {CYCLE_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`status.cycle.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataState query={programmes}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('awards.no_programmes')}</p>
          ) : (
            page.items.map((p) => <ProgrammeCycles key={p.slug} programme={p} status={status} />)
          )
        }
      </DataState>
    </>
  );
}
