import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { evaluationsQueries } from '@/features/evaluations/api';
import { EvaluationContext } from './EvaluationContext';
import { StatusBadge } from './StatusBadge';
import { useCyclesOf, useFrameworks, useRounds, type Evaluation } from './lookups';

type Status = components['schemas']['EvaluationStatus'];
const STATUSES: Status[] = ['draft', 'returned', 'submitted', 'final', 'recused'];

/** `/evaluate`: the evaluations assigned to the signed-in evaluator, filterable by status (kept in the URL). */
export function AssignmentsPage() {
  const { t } = useTranslation('evaluate');
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const [pages, setPages] = useState<{ status?: Status; cursors: string[] }>({ cursors: [] });
  const cursors = pages.status === status ? pages.cursors : [];
  const cursor = cursors.at(-1);
  const query = useQuery({ ...evaluationsQueries.list({ status, cursor, limit: 50 }), placeholderData: keepPreviousData });

  return (
    <section>
      <PageTitle>{t('list.title')}</PageTitle>
      <p>{t('list.intro')}</p>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('list.status_filter')}
          <select
            value={status ?? ''}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value) next.set('status', e.target.value);
              else next.delete('status');
              setParams(next);
            }}
          >
            <option value="">{t('list.all_statuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <DataState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">{status ? t('list.none_with_status') : t('list.none')}</p>
          ) : (
            <>
              <AssignmentTable items={page.items} />
              <Pager
                shown={page.items.length}
                total={page.total}
                hasPrevious={cursors.length > 0}
                hasNext={!!page.next_cursor}
                onPrevious={() => setPages({ status, cursors: cursors.slice(0, -1) })}
                onNext={() => page.next_cursor && setPages({ status, cursors: [...cursors, page.next_cursor] })}
              />
            </>
          )
        }
      </DataState>
    </section>
  );
}

function AssignmentTable({ items }: { items: Evaluation[] }) {
  const { t } = useTranslation('evaluate');
  const { text, number, date } = useLocalized();
  const frameworks = useFrameworks();
  const rounds = useRounds(items.some((e) => e.round_id != null));
  const { cycles, error } = useCyclesOf(items);
  return (
    <>
      <ProblemAlert error={frameworks.error ?? rounds.error ?? error} />
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.city')}</th>
              <th scope="col">{t('list.context')}</th>
              <th scope="col">{t('list.framework')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col" className="num">{t('list.overall')}</th>
              <th scope="col">{t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => {
              const framework = frameworks.data?.get(e.framework);
              return (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/evaluate/${e.id}`}>{text(e.city_name)}</Link>
                    <br />
                    <span className="muted">{t('list.evaluation_id', { id: e.id })}</span>
                  </th>
                  <td>
                    <EvaluationContext
                      evaluation={e}
                      cycle={cycles.get(e.id)}
                      round={e.round_id != null ? rounds.data?.get(e.round_id) : undefined}
                    />
                  </td>
                  <td>{framework ? text(framework.name) : e.framework}</td>
                  <td>
                    <StatusBadge status={e.status} />
                  </td>
                  <td className="num">{e.overall == null ? t('list.no_score') : number(e.overall, 1)}</td>
                  <td>
                    {date(e.updated_at)}
                    {e.submitted_at && (
                      <>
                        <br />
                        <span className="muted">{t('list.submitted_on', { date: date(e.submitted_at) })}</span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
