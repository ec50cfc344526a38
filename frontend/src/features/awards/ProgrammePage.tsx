import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '@/api/reference';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Sources } from '@/components/Sources';
import { networksQueries } from '@/features/networks';
import { OrganisationLinks } from '@/features/organisations';
import { useLocalized } from '@/i18n/localized';
import { AnnouncedWinners, recordedWinners, winnersShortfall } from './AnnouncedWinners';
import { awardsQueries } from './api';
import { CycleStatus } from './CycleStatus';
import './awards.css';

type Programme = components['schemas']['Programme'];
type Cycle = components['schemas']['Cycle'];

/** Does the programme link an organisation in this role (an older answer has no `organisations`)? */
function linked(programme: Programme, role: 'organiser' | 'secretariat'): boolean {
  return (programme.organisations ?? []).some((link) => link.role === role);
}

/**
 * `/awards/:slug`: one programme, the organisations with a role in it, its eligibility rules and
 * its cycles, newest first.
 */
export default function ProgrammePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('awards');
  const { text } = useLocalized();
  const query = useQuery(awardsQueries.programme(slug));
  return (
    <>
      <p>
        <Link to="/awards">{t('programme.back')}</Link>
      </p>
      <PageTitle>{query.data ? text(query.data.name) : t('programme.title')}</PageTitle>
      <DataState query={query}>
        {(programme) => (
          <>
            {programme.description && <p>{text(programme.description)}</p>}
            <ProgrammeFacts programme={programme} />
            <Sources record={programme} label={t('programme.sources_of', { programme: text(programme.name) })} />
            <OrganisationLinks organisations={programme.organisations ?? []} of={text(programme.name)} />
            <Cycles programme={programme.slug} />
            <Eligibility programme={programme} />
          </>
        )}
      </DataState>
    </>
  );
}

/**
 * The programme's organisers and secretariat as the older free text, each only where no
 * organisation is linked in that role (the "Organisations" list says more), and its website;
 * nothing where none is known.
 */
function ProgrammeFacts({ programme }: { programme: Programme }) {
  const { t } = useTranslation('awards');
  const { text } = useLocalized();
  const organisers = linked(programme, 'organiser') ? null : programme.organisers;
  const secretariat = linked(programme, 'secretariat') ? null : programme.secretariat;
  if (!organisers && !secretariat && !programme.website) return null;
  return (
    <dl className="facts award-facts">
      {organisers && (
        <>
          <dt>{t('programme.organisers')}</dt>
          <dd>{text(organisers)}</dd>
        </>
      )}
      {secretariat && (
        <>
          <dt>{t('programme.secretariat')}</dt>
          <dd>{text(secretariat)}</dd>
        </>
      )}
      {programme.website && (
        <>
          <dt>{t('programme.website')}</dt>
          <dd>
            <a href={programme.website}>{programme.website}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

function Cycles({ programme }: { programme: string }) {
  const { t } = useTranslation('awards');
  const { text, date } = useLocalized();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery(awardsQueries.cycleList({ programme, limit: 50, cursor }));
  return (
    <section aria-labelledby="cycles-heading">
      <h2 id="cycles-heading">{t('programme.cycles')}</h2>
      <DataState query={query}>
        {(page) => {
          if (page.items.length === 0) return <p role="status">{t('programme.no_cycles')}</p>;
          const ceremonies = page.items.some((c) => c.ceremony_on);
          return (
            <>
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('programme.cycles_caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cycle.year')}</th>
                      <th scope="col">{t('cycle.cycle')}</th>
                      <th scope="col">{t('cycle.status')}</th>
                      <th scope="col" className="num">
                        {t('cycle.categories_count')}
                      </th>
                      <th scope="col">{t('cycle.winners')}</th>
                      {ceremonies && <th scope="col">{t('cycle.ceremony')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((cycle) => (
                      <tr key={cycle.id}>
                        <td>{cycle.year}</td>
                        <th scope="row">
                          <Link to={`/awards/cycles/${cycle.id}`}>{text(cycle.title)}</Link>
                        </th>
                        <td>
                          <CycleStatus status={cycle.status} />
                        </td>
                        <td className="num">{cycle.categories.length}</td>
                        <td>
                          <WinnersSummary cycle={cycle} />
                        </td>
                        {ceremonies && <td>{date(cycle.ceremony_on)}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {(page.next_cursor || cursors.length > 1) && (
                <Pager
                  shown={page.items.length}
                  total={page.total}
                  hasPrevious={cursors.length > 1}
                  hasNext={Boolean(page.next_cursor)}
                  onPrevious={() => setCursors((c) => c.slice(0, -1))}
                  onNext={() => setCursors((c) => [...c, page.next_cursor ?? undefined])}
                />
              )}
            </>
          );
        }}
      </DataState>
    </section>
  );
}

/** The winners recorded here, or how many were announced where fewer are recorded. */
function WinnersSummary({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('awards');
  const winners = recordedWinners(cycle);
  if (winners == null) return <>{t('cycle.not_published_short')}</>;
  if (winnersShortfall(cycle)) return <AnnouncedWinners cycle={cycle} />;
  return <>{t('cycle.winners_count', { n: winners })}</>;
}

function Eligibility({ programme }: { programme: Programme }) {
  const { t } = useTranslation('awards');
  const countries = useCountryNames();
  const { text } = useLocalized();
  const rules = programme.eligibility;
  const network = rules.network;
  const networkQuery = useQuery({ ...networksQueries.detail(network ?? ''), enabled: Boolean(network) });
  const networkName = networkQuery.data ? text(networkQuery.data.name) : (network ?? '');
  const items: string[] = [];
  if (rules.country) items.push(t('eligibility.country', { country: countries.name(rules.country) }));
  if (network) {
    items.push(
      rules.min_membership_months != null
        ? t('eligibility.membership', { network: networkName, months: rules.min_membership_months })
        : t('eligibility.member', { network: networkName }),
    );
  }
  if (rules.cooldown_years != null) items.push(t('eligibility.cooldown', { years: rules.cooldown_years }));
  if (rules.max_winners_per_country != null) {
    items.push(t('eligibility.max_winners', { n: rules.max_winners_per_country }));
  }
  return (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t('eligibility.title')}</h2>
      <ProblemAlert error={networkQuery.error ?? countries.error} />
      {items.length === 0 ? (
        <p>{t('eligibility.none')}</p>
      ) : (
        <>
          <p>{t('eligibility.enforced')}</p>
          <ul>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {rules.notes.length > 0 && (
        <>
          <h3>{t('eligibility.notes')}</h3>
          <ul lang="en">
            {rules.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
