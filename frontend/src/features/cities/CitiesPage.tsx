import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/auth/AuthProvider';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { cursorStack } from '@/lib/paging';
import { citiesQueries } from './api';
import { CitiesTable } from './CitiesTable';
import { CityFilters } from './CityFilters';
import { apiQuery, csvHref, readView, writeView, type DirectoryView } from './directoryView';
import './cities.css';

/**
 * The public directory of learning cities (`/cities`): search, filters, order and page all live in
 * the URL, so a view can be shared and the back button steps through it.
 */
export default function CitiesPage() {
  const { t } = useTranslation('cities');
  const { number } = useLocalized();
  const { hasRole } = useAuth();
  const staff = hasRole('admin', 'secretariat');
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const results = useRef<HTMLHeadingElement>(null);

  const view = useMemo(() => readView(searchParams), [searchParams]);
  const stack = cursorStack(location.state);
  const query = apiQuery(view, staff);
  const cities = useQuery({ ...citiesQueries.list(query), placeholderData: keepPreviousData });

  const show = useCallback(
    (next: DirectoryView, cursors: string[]) => setSearchParams(writeView(next), { state: { cursors } }),
    [setSearchParams],
  );
  const changeFilters = useCallback((next: DirectoryView) => show({ ...next, cursor: '' }, []), [show]);
  const turnPage = (cursor: string, cursors: string[]) => {
    show({ ...view, cursor }, cursors);
    results.current?.focus();
  };

  const page = cities.data;
  return (
    <>
      <PageTitle>{view.archived && staff ? t('directory.title_archived') : t('directory.title')}</PageTitle>
      <p>{t('directory.intro')}</p>
      <CityFilters view={view} staff={staff} onChange={changeFilters} />

      <h2 ref={results} tabIndex={-1}>
        {t('directory.results')}
      </h2>
      {cities.error ? (
        <>
          <ProblemAlert error={cities.error} />
          {view.cursor !== '' && (
            <button type="button" onClick={() => show({ ...view, cursor: '' }, [])}>
              {t('directory.first_page')}
            </button>
          )}
        </>
      ) : !page ? (
        <p className="loading" role="status">
          {t('loading', { ns: 'common' })}
        </p>
      ) : (
        <div aria-busy={cities.isPlaceholderData}>
          <div className="directory-summary">
            <p className="directory-total">{t('directory.total', { total: number(page.total) })}</p>
            {!(view.archived && staff) && page.total > 0 && (
              <a href={csvHref(view, staff)} download>
                {t('directory.download_csv')}
              </a>
            )}
          </div>
          {page.items.length === 0 ? (
            <p role="status" className="alert alert-warning">
              {t('directory.empty')}
            </p>
          ) : (
            <CitiesTable cities={page.items} archived={view.archived && staff} />
          )}
          <Pager
            shown={page.items.length}
            total={page.total}
            hasPrevious={view.cursor !== ''}
            hasNext={!!page.next_cursor}
            onPrevious={() => turnPage(stack.at(-1) ?? '', stack.slice(0, -1))}
            onNext={() => page.next_cursor && turnPage(page.next_cursor, [...stack, view.cursor])}
          />
        </div>
      )}
    </>
  );
}
