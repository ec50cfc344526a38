import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { TextAreaField } from '@/components/forms/Field';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { awardsApi, awardsKeys, awardsQueries } from '@/features/awards/api';
import { networksQueries } from '@/features/networks';
import { useLocalized } from '@/i18n/localized';
import { NominationProblem } from './NominationProblem';
import { WindowNote, type NominatedState } from './NominationsPage';
import { todayUtc, useCity, windowState, type Cycle, type Programme } from './queries';

type Category = components['schemas']['Category'];
type NominationInput = components['schemas']['NominationInput'];

/** `/my-city/nominations/new?category=<slug>`: nominate the editor's city in one category of an open cycle. */
export function NominatePage({ slug }: { slug: string }) {
  const { t } = useTranslation('editor');
  const { text } = useLocalized();
  const [params] = useSearchParams();
  const categorySlug = params.get('category') ?? '';
  const city = useCity(slug);
  const name = city.data ? text(city.data.name) : slug;
  const category = useQuery({ ...awardsQueries.category(categorySlug), enabled: !!categorySlug });
  const cycleId = category.data?.cycle_id;
  const cycle = useQuery({ ...awardsQueries.cycle(cycleId ?? 0), enabled: cycleId != null });
  const programmeSlug = category.data?.programme;
  const programme = useQuery({ ...awardsQueries.programme(programmeSlug ?? ''), enabled: !!programmeSlug });

  return (
    <section>
      <PageTitle>{t('nominate.title', { city: name })}</PageTitle>
      <p>
        <Link to="/my-city/nominations">{t('nominate.back')}</Link>
      </p>
      {!categorySlug ? (
        <p role="alert" className="alert alert-warning">
          {t('nominate.no_category')}
        </p>
      ) : (
        <DataState query={category}>
          {(c) => (
            <DataState query={cycle}>
              {(y) => (
                <>
                  <About category={c} cycle={y} programme={programme.data} />
                  <ProblemAlert error={programme.error} />
                  {programme.data && <Eligibility programme={programme.data} />}
                  {y.status === 'open' ? (
                    <NominationForm category={c} city={slug} cityName={name} />
                  ) : (
                    <p role="alert" className="alert alert-warning">
                      {t('nominate.not_open', { status: t(`cycle_status.${y.status}`) })}
                    </p>
                  )}
                </>
              )}
            </DataState>
          )}
        </DataState>
      )}
    </section>
  );
}

function About({ category, cycle, programme }: { category: Category; cycle: Cycle; programme?: Programme }) {
  const { t } = useTranslation('editor');
  const { text } = useLocalized();
  return (
    <>
      <dl className="facts">
        {programme && (
          <>
            <dt>{t('nominate.programme')}</dt>
            <dd>
              <Link to={`/awards/${programme.slug}`}>{text(programme.name)}</Link>
            </dd>
          </>
        )}
        <dt>{t('nominate.cycle')}</dt>
        <dd>
          <Link to={`/awards/cycles/${cycle.id}`}>{text(cycle.title)}</Link>
        </dd>
        <dt>{t('nominate.category')}</dt>
        <dd>{text(category.name)}</dd>
        <dt>{t('nominate.window')}</dt>
        <dd>
          <WindowNote cycle={cycle} state={windowState(cycle, todayUtc())} inline />
        </dd>
      </dl>
      {category.description && <p>{text(category.description)}</p>}
    </>
  );
}

/** A country's name in the UI language, from its ISO 3166-1 code (the code where the browser has no name). */
function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language === 'th' ? 'th-TH' : 'en-GB'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The programme's eligibility rules, in words, and as the organisers published them. */
function Eligibility({ programme }: { programme: Programme }) {
  const { t } = useTranslation('editor');
  const { language, text } = useLocalized();
  const e = programme.eligibility;
  const network = useQuery({ ...networksQueries.detail(e.network ?? ''), enabled: !!e.network });
  const networkName = network.data ? text(network.data.name) : e.network;
  const rules = [
    e.country ? t('rules.country', { country: countryName(e.country, language) }) : null,
    e.network ? t('rules.network', { network: networkName, months: e.min_membership_months ?? 0 }) : null,
    e.cooldown_years != null ? t('rules.cooldown', { years: e.cooldown_years }) : null,
    e.max_winners_per_country != null ? t('rules.max_winners', { count: e.max_winners_per_country }) : null,
  ].filter((r): r is string => r !== null);
  return (
    <>
      <h2>{t('rules.title')}</h2>
      <ProblemAlert error={network.error} />
      {rules.length === 0 ? <p>{t('rules.none')}</p> : <ul>{rules.map((r) => <li key={r}>{r}</li>)}</ul>}
      {e.notes.length > 0 && (
        <>
          <p>{t('rules.notes')}</p>
          <ul>
            {e.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">{t('rules.checked')}</p>
    </>
  );
}

function NominationForm({ category, city, cityName }: { category: Category; city: string; cityName: string }) {
  const { t } = useTranslation('editor');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const linksId = useId();
  const [statement, setStatement] = useState('');
  const [links, setLinks] = useState('');
  const nominate = useMutation({
    mutationFn: (body: NominationInput) => awardsApi.nominate(body),
    onSuccess: (nomination) => {
      void queryClient.invalidateQueries({ queryKey: awardsKeys.nominations() });
      const state: NominatedState = { nominated: nomination.id };
      navigate('/my-city/nominations', { state });
    },
  });
  const problem = nominate.error;
  const linkErrors =
    problem instanceof ApiProblem ? problem.errors.filter((e) => /^evidence_links(\[\d+\])?$/.test(e.field)) : [];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const evidence = links
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const body: NominationInput = { category: category.slug, city, evidence_links: evidence };
    if (statement.trim()) body.statement = statement.trim();
    nominate.mutate(body);
  }

  return (
    <form className="form narrow-form" onSubmit={onSubmit} noValidate>
      <h2>{t('nominate.form_title')}</h2>
      <TextAreaField
        label={t('nominate.statement')}
        hint={t('nominate.statement_hint')}
        name="statement"
        problem={problem}
        rows={8}
        maxLength={10000}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
      />
      <div className="field">
        <label htmlFor={linksId}>{t('nominate.links')}</label>
        <textarea
          id={linksId}
          name="evidence_links"
          rows={4}
          value={links}
          aria-invalid={linkErrors.length > 0 ? true : undefined}
          aria-describedby={linkErrors.length > 0 ? `${linksId}-hint ${linksId}-error` : `${linksId}-hint`}
          onChange={(e) => setLinks(e.target.value)}
        />
        <span id={`${linksId}-hint`} className="muted">
          {t('nominate.links_hint')}
        </span>
        {linkErrors.length > 0 && (
          <ul id={`${linksId}-error`} className="field-error">
            {linkErrors.map((e) => {
              const index = /\[(\d+)\]/.exec(e.field)?.[1];
              return (
                <li key={e.field + e.message}>
                  {index != null ? t('nominate.link_error', { n: Number(index) + 1, message: e.message }) : e.message}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {problem && <NominationProblem error={problem} city={cityName} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={nominate.isPending}>
          {nominate.isPending ? t('nominate.sending') : t('nominate.submit')}
        </button>
        <Link to="/my-city/nominations">{t('nominate.cancel')}</Link>
      </div>
    </form>
  );
}
