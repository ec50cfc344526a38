import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { Pager } from '@/components/Pager';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { StageControl } from '@/components/StageControl';
import { awardsQueries } from '@/features/awards';
import { idParam } from '@/lib/choices';
import { evaluationsQueries } from '@/features/evaluations/api';
import { useCursorPages } from '@/lib/paging';
import { StatusBadge } from '@/components/StatusBadge';
import { EvaluationActions } from './EvaluationActions';
import { EvaluatorName } from './evaluators';
import { PublishRound, useRounds } from './rounds';

type EvaluationStatus = components['schemas']['EvaluationStatus'];
const STATUSES: readonly EvaluationStatus[] = ['draft', 'submitted', 'returned', 'final', 'recused'];

/** Publication of a cycle's results: its stage control (the move to `published`) and the ranking. */
function CyclePublication({ id }: { id: number }) {
  const { t } = useTranslation('manage');
  const cycle = useQuery(awardsQueries.versionedCycle(id));
  return (
    <section aria-labelledby="publication-heading">
      <h2 id="publication-heading">{t('publication.heading')}</h2>
      <p>{t('publication.intro')}</p>
      <DataState query={cycle}>
        {(c) => (
          <>
            <StageControl cycle={c} onReload={() => cycle.refetch()} headingLevel={3} />
            <ul>
              <li>
                <Link to={`/results?cycle=${id}`}>{t('publication.ranking')}</Link>
                {c.data.status !== 'published' && <span className="stage-note">{t('cycle.ranking_unpublished')}</span>}
              </li>
              <li>
                <Link to={`/manage/awards/cycles/${id}`}>{t('publication.manage_cycle')}</Link>
              </li>
            </ul>
          </>
        )}
      </DataState>
    </section>
  );
}

/**
 * The evaluations of a cycle or a monitoring round (chosen in the URL), with their status and the
 * return and finalise steps, and the publication of the cycle's or round's results.
 */
export default function EvaluationsPage() {
  const { t } = useTranslation('manage');
  const { text, number, date } = useLocalized();
  const [params, setParams] = useSearchParams();
  const cycle = idParam(params.get('cycle'));
  const round = cycle === undefined ? idParam(params.get('round')) : undefined;
  const statusParam = params.get('status') ?? '';
  const status = STATUSES.find((s) => s === statusParam);
  const cycles = useQuery(awardsQueries.cycleList({ limit: 200 }));
  const rounds = useRounds();
  const pages = useCursorPages(`${cycle ?? ''}|${round ?? ''}|${status ?? ''}`);
  const evaluations = useQuery(evaluationsQueries.list({ cycle, round, status, cursor: pages.cursor, limit: 50 }));
  const context = cycle !== undefined ? `cycle:${cycle}` : round !== undefined ? `round:${round}` : '';
  const choose = (value: string) => {
    const next = new URLSearchParams();
    const [kind, id] = value.split(':');
    if (kind && id) next.set(kind, id);
    if (status) next.set('status', status);
    setParams(next, { replace: true });
  };
  const setStatus = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('status', value);
    else next.delete('status');
    setParams(next, { replace: true });
  };
  const selectedRound = rounds.data?.items.find((r) => r.id === round);
  return (
    <>
      <PageTitle>{t('evaluations.title')}</PageTitle>
      <p className="muted">{t('evaluations.intro')}</p>
      <div className="filters manage-filters">
        <label>
          {t('evaluations.context')}
          <select value={context} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('evaluations.all_contexts')}</option>
            <optgroup label={t('evaluations.cycles')}>
              {cycles.data?.items.map((c) => (
                <option key={c.id} value={`cycle:${c.id}`}>
                  {t('evaluations.cycle_option', { title: text(c.title), status: t(`status.cycle.${c.status}`) })}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('evaluations.rounds')}>
              {rounds.data?.items.map((r) => (
                <option key={r.id} value={`round:${r.id}`}>
                  {t('evaluations.round_option', { title: text(r.title), status: t(`status.round.${r.status}`) })}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('evaluations.filter_status')}
          <select value={status ?? ''} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('evaluations.all_statuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.evaluation.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <Link
          className="button"
          to={`/manage/evaluations/assign${cycle ? `?cycle=${cycle}` : round ? `?round=${round}` : ''}`}
        >
          {t('evaluations.assign_link')}
        </Link>
      </div>
      <ProblemAlert error={cycles.error ?? rounds.error} />
      <section aria-labelledby="evaluations-heading">
        <h2 id="evaluations-heading">{t('evaluations.list')}</h2>
        <DataState query={evaluations}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t('evaluations.empty')}</p>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="data">
                    <caption className="visually-hidden">{t('evaluations.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('evaluations.number')}</th>
                        <th scope="col">{t('evaluations.city')}</th>
                        <th scope="col">{t('evaluations.subject')}</th>
                        <th scope="col">{t('evaluations.evaluator')}</th>
                        <th scope="col">{t('evaluations.framework')}</th>
                        <th scope="col">{t('evaluations.status')}</th>
                        <th scope="col" className="num">{t('evaluations.overall')}</th>
                        <th scope="col">{t('evaluations.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((e) => (
                        <tr key={e.id}>
                          <th scope="row">{t('evaluations.id', { id: e.id })}</th>
                          <td>
                            <Link to={`/cities/${e.city}`}>{text(e.city_name)}</Link>
                          </td>
                          <td>
                            {e.nomination_id != null
                              ? t('evaluations.nomination', { id: e.nomination_id })
                              : e.round_id != null
                                ? t('evaluations.round', { id: e.round_id })
                                : ''}
                          </td>
                          <td>
                            <EvaluatorName id={e.evaluator_id} />
                          </td>
                          <td>
                            <Link to={`/manage/evaluations/frameworks/${e.framework}`}>{e.framework}</Link>
                          </td>
                          <td>
                            <StatusBadge kind="evaluation" status={e.status} />
                            {e.submitted_at && (
                              <span className="stage-note">{t('evaluations.submitted_at', { date: date(e.submitted_at) })}</span>
                            )}
                            {e.status === 'returned' && e.return_reason && (
                              <span className="stage-note">{t('evaluations.returned_because', { reason: e.return_reason })}</span>
                            )}
                            {e.status === 'recused' && e.recusal_reason && (
                              <span className="stage-note">{t('evaluations.recused_because', { reason: e.recusal_reason })}</span>
                            )}
                          </td>
                          <td className="num">{e.overall == null ? t('evaluations.no_score') : number(e.overall, 1)}</td>
                          <td>
                            <EvaluationActions evaluation={e} />
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
      {cycle !== undefined && <CyclePublication id={cycle} />}
      {selectedRound && (
        <section aria-labelledby="round-publication-heading">
          <h2 id="round-publication-heading">{t('publication.round_heading')}</h2>
          <PublishRound round={selectedRound} />
        </section>
      )}
    </>
  );
}
