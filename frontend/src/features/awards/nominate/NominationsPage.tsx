import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { awardsApi, awardsKeys } from '@/features/awards/api';
import { NominationProblem } from './NominationProblem';
import {
  todayUtc,
  useCity,
  useCyclesById,
  useNominations,
  useOpenCycles,
  useProgrammes,
  windowState,
  type Cycle,
  type Nomination,
} from './queries';

/** What the nominate page tells this page after a nomination was made. */
export interface NominatedState {
  nominated: number;
}

function isNominated(state: unknown): state is NominatedState {
  return typeof state === 'object' && state !== null && 'nominated' in state;
}

/** `/my-city/nominations`: the open award cycles with their categories, and the city's nominations (withdraw until judging). */
export function NominationsPage({ slug }: { slug: string }) {
  const { t } = useTranslation('editor');
  const { text } = useLocalized();
  const location = useLocation();
  const city = useCity(slug);
  const name = city.data ? text(city.data.name) : slug;
  const [cursors, setCursors] = useState<string[]>([]);
  const nominations = useNominations(slug, cursors.at(-1));
  const [withdrawn, setWithdrawn] = useState<Nomination | null>(null);
  return (
    <section>
      <PageTitle>{t('nominations.title', { city: name })}</PageTitle>
      {isNominated(location.state) && (
        <p role="status" className="alert alert-ok">
          {t('nominations.created')}
        </p>
      )}
      {withdrawn && (
        <p role="status" className="alert alert-ok">
          {t('nominations.withdrawn')}
        </p>
      )}
      <OpenCycles city={name} nominations={nominations.data?.items ?? []} />
      <h2>{t('nominations.mine')}</h2>
      <DataState query={nominations}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('nominations.none')}</p>
          ) : (
            <>
              <NominationTable items={page.items} city={name} onWithdrawn={setWithdrawn} />
              <Pager
                shown={page.items.length}
                total={page.total}
                hasPrevious={cursors.length > 0}
                hasNext={!!page.next_cursor}
                onPrevious={() => setCursors(cursors.slice(0, -1))}
                onNext={() => page.next_cursor && setCursors([...cursors, page.next_cursor])}
              />
            </>
          )
        }
      </DataState>
    </section>
  );
}

function OpenCycles({ city, nominations }: { city: string; nominations: Nomination[] }) {
  const { t } = useTranslation('editor');
  const { text } = useLocalized();
  const cycles = useOpenCycles();
  const programmes = useProgrammes();
  const today = todayUtc();
  const active = new Map(nominations.filter((n) => n.status !== 'withdrawn').map((n) => [n.category, n]));
  return (
    <>
      <h2>{t('open.title')}</h2>
      <ProblemAlert error={programmes.error} />
      <DataState query={cycles}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('open.none')}</p>
          ) : (
            <ul className="cards">
              {page.items.map((cycle) => {
                const programme = programmes.data?.get(cycle.programme);
                const window = windowState(cycle, today);
                return (
                  <li key={cycle.id} className="card">
                    <h3>{text(cycle.title)}</h3>
                    {programme && <p className="muted">{text(programme.name)}</p>}
                    <WindowNote cycle={cycle} state={window} />
                    <ul className="category-list">
                      {cycle.categories.map((category) => {
                        const existing = active.get(category.slug);
                        return (
                          <li key={category.slug}>
                            <span className="category-name">{text(category.name)}</span>
                            <br />
                            {existing ? (
                              <span>{t('open.already', { status: t(`status.${existing.status}`) })}</span>
                            ) : window === 'open' ? (
                              <Link to={`/my-city/nominations/new?category=${encodeURIComponent(category.slug)}`}>
                                {t('open.nominate', { city, category: text(category.name) })}
                              </Link>
                            ) : (
                              <span className="muted">{t('open.window_shut')}</span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </li>
                );
              })}
            </ul>
          )
        }
      </DataState>
    </>
  );
}

/** The nomination window of a cycle in words: a paragraph, or `inline` text (inside a definition list). */
export function WindowNote({ cycle, state, inline = false }: { cycle: Cycle; state: 'before' | 'open' | 'after'; inline?: boolean }) {
  const { t } = useTranslation('editor');
  const { date } = useLocalized();
  const from = cycle.nominations_open_on;
  const to = cycle.nominations_close_on;
  const dates =
    from && to
      ? t('window.between', { from: date(from), to: date(to) })
      : to
        ? t('window.until', { to: date(to) })
        : from
          ? t('window.from', { from: date(from) })
          : t('window.unlimited');
  const Text = inline ? 'span' : 'p';
  return (
    <Text>
      {dates}
      {state !== 'open' && (
        <>
          {' '}
          <strong>{state === 'before' ? t('window.not_yet') : t('window.closed')}</strong>
        </>
      )}
    </Text>
  );
}

function NominationTable({ items, city, onWithdrawn }: { items: Nomination[]; city: string; onWithdrawn(n: Nomination): void }) {
  const { t } = useTranslation('editor');
  const { text, date } = useLocalized();
  const queryClient = useQueryClient();
  const cycles = useCyclesById();
  const withdraw = useMutation({
    mutationFn: (id: number) => awardsApi.withdraw(id),
    onSuccess: (nomination) => {
      onWithdrawn(nomination);
      void queryClient.invalidateQueries({ queryKey: awardsKeys.nominations() });
    },
  });
  return (
    <>
      <ProblemAlert error={cycles.error} />
      {withdraw.error && <NominationProblem error={withdraw.error} city={city} />}
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t('nominations.caption', { city })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('nominations.category')}</th>
              <th scope="col">{t('nominations.cycle')}</th>
              <th scope="col">{t('nominations.submitted')}</th>
              <th scope="col">{t('nominations.status')}</th>
              <th scope="col">{t('nominations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((n) => {
              const cycle = cycles.data?.get(n.cycle_id);
              const category = cycle?.categories.find((c) => c.slug === n.category);
              const label = category ? text(category.name) : n.category;
              const withdrawable = n.status === 'submitted' && (!cycle || cycle.status === 'open');
              return (
                <tr key={n.id}>
                  <th scope="row">
                    {label}
                    {(n.statement || n.evidence_links.length > 0) && (
                      <details>
                        <summary>{t('nominations.details')}</summary>
                        {n.statement && <p className="nomination-statement">{n.statement}</p>}
                        {n.evidence_links.length > 0 && (
                          <ul>
                            {n.evidence_links.map((l) => (
                              <li key={l}>
                                {/^https?:\/\//i.test(l) ? (
                                  <a href={l} rel="noreferrer noopener" target="_blank">
                                    {l}
                                  </a>
                                ) : (
                                  l
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                      </details>
                    )}
                  </th>
                  <td>{cycle ? text(cycle.title) : t('nominations.cycle_id', { id: n.cycle_id })}</td>
                  <td>{date(n.created_at)}</td>
                  <td>
                    <span className={`badge nomination-status-${n.status}`}>{t(`status.${n.status}`)}</span>
                  </td>
                  <td>
                    {withdrawable ? (
                      <ConfirmAction
                        label={t('nominations.withdraw')}
                        question={t('nominations.withdraw_question', { category: label })}
                        confirmLabel={t('nominations.withdraw_confirm')}
                        disabled={withdraw.isPending}
                        onConfirm={async () => {
                          await withdraw.mutateAsync(n.id).catch(() => undefined);
                        }}
                      />
                    ) : (
                      <span className="muted">{n.status === 'submitted' ? t('nominations.in_judging') : t('nominations.no_action')}</span>
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
