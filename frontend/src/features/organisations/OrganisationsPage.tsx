import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '@/api/reference';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { oneOf } from '@/lib/choices';
import { useUrlPaging } from '@/lib/paging';
import { organisationsQueries, type OrganisationListQuery } from './api';
import { KINDS, pickAbbreviation } from './model';
import './organisations.css';

/** The whole filtered list as CSV (with a BOM, so spreadsheets read Thai). */
function csvHref(query: OrganisationListQuery): string {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.q) params.set('q', query.q);
  params.set('format', 'csv');
  params.set('bom', 'true');
  return `/api/v1/organisations?${params.toString()}`;
}

/**
 * The organisations (`/organisations`): name, abbreviation, kind and country, by name; filtered by
 * kind and by a search of the names and abbreviations, both kept in the URL with the page.
 */
export default function OrganisationsPage() {
  const { t } = useTranslation(['organisations', 'common']);
  const { text, number, language } = useLocalized();
  const paging = useUrlPaging();
  const countries = useCountryNames();
  const results = useRef<HTMLHeadingElement>(null);
  const kind = oneOf(paging.params.get('kind'), KINDS);
  const q = paging.params.get('q')?.trim() ?? '';
  const query: OrganisationListQuery = { kind, q: q || undefined, cursor: paging.cursor };
  const organisations = useQuery({ ...organisationsQueries.list(query), placeholderData: keepPreviousData });

  // The typed search follows the URL when that changes from elsewhere (back button, a link).
  const [draft, setDraft] = useState({ url: q, text: q });
  if (draft.url !== q) setDraft({ url: q, text: q });
  const search = (e: FormEvent) => {
    e.preventDefault();
    paging.set('q', draft.text.trim());
  };
  const turn = (go: () => void) => {
    go();
    results.current?.focus();
  };

  const page = organisations.data;
  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <p>{t('list.intro')}</p>
      <form className="filters" role="search" aria-label={t('list.filters')} onSubmit={search}>
        <label>
          {t('list.q')}
          <input
            type="search"
            name="q"
            maxLength={100}
            value={draft.text}
            onChange={(e) => setDraft({ url: q, text: e.target.value })}
          />
        </label>
        <label>
          {t('facts.kind')}
          <select name="kind" value={kind ?? ''} onChange={(e) => paging.update({ kind: e.target.value, q: draft.text.trim() })}>
            <option value="">{t('list.any_kind')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            {t('list.search')}
          </button>
          {(q || kind) && (
            <button
              type="button"
              onClick={() => {
                setDraft({ url: '', text: '' });
                paging.update({ q: '', kind: '' });
              }}
            >
              {t('list.clear')}
            </button>
          )}
        </div>
      </form>
      <ProblemAlert error={countries.error} />
      <h2 ref={results} tabIndex={-1}>
        {t('list.results')}
      </h2>
      {organisations.error ? (
        <>
          <ProblemAlert error={organisations.error} />
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
        <div aria-busy={organisations.isPlaceholderData}>
          <p role="status">{t('list.total', { total: number(page.total) })}</p>
          {page.items.length === 0 ? (
            <p className="alert alert-warning">{t('list.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{t('list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('facts.name')}</th>
                    <th scope="col">{t('facts.abbreviation')}</th>
                    <th scope="col">{t('facts.kind')}</th>
                    <th scope="col">{t('facts.country')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((organisation) => (
                    <tr key={organisation.slug}>
                      <th scope="row">
                        <Link to={`/organisations/${encodeURIComponent(organisation.slug)}`}>{text(organisation.name)}</Link>
                      </th>
                      <td>{pickAbbreviation(organisation.abbreviation, language) ?? <span className="muted">{t('facts.none')}</span>}</td>
                      <td className="organisation-kind">{t(`kind.${organisation.kind}`, { defaultValue: organisation.kind })}</td>
                      <td>{organisation.country ? countries.name(organisation.country) : t('facts.international')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(paging.hasPrevious || page.next_cursor) && (
            <Pager
              shown={page.items.length}
              total={page.total}
              hasPrevious={paging.hasPrevious}
              hasNext={!!page.next_cursor}
              onPrevious={() => turn(paging.previous)}
              onNext={() => page.next_cursor && turn(() => paging.next(page.next_cursor ?? ''))}
            />
          )}
          {page.total > 0 && (
            <p>
              <a href={csvHref(query)} download>
                {t('list.download_csv')}
              </a>
            </p>
          )}
        </div>
      )}
    </>
  );
}
