import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { useUrlFilters } from '@/features/admin/shared';
import { adminQueries } from '@/features/admin/api';

type Issue = components['schemas']['Issue'];
type IssueKind = components['schemas']['IssueKind'];

/** The kinds of issue, in the order the page lists them: names, place, description, sources, then doubts. */
const KIND_ORDER: Record<IssueKind, number> = {
  missing_thai_name: 0,
  missing_coordinates: 1,
  missing_description: 2,
  missing_source: 3,
  unverified: 4,
  source_does_not_name_city: 5,
  near_duplicate: 6,
};
const ISSUE_KINDS = Object.keys(KIND_ORDER) as IssueKind[];

function asKind(value: string): IssueKind | undefined {
  return ISSUE_KINDS.find((k) => k === value);
}

/** The issues grouped by kind, in {@link KIND_ORDER}; within a kind, the API's order (by record). */
function byKind(items: Issue[]): Issue[] {
  const rank = (issue: Issue) => KIND_ORDER[issue.kind] ?? ISSUE_KINDS.length;
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/**
 * `/admin/data-quality` (admin and secretariat): what is missing or doubtful in the public records,
 * a count of each kind that filters the list (`?kind=`, passed on to the API), and a link to each
 * record's editor.
 */
export function DataQualityPage() {
  const { t } = useTranslation('admin');
  const filters = useUrlFilters();
  const kind = asKind(filters.get('kind'));
  // The counts come from the whole report: the API counts only the kind asked for.
  const overview = useQuery(adminQueries.dataQuality({}));
  const report = useQuery(adminQueries.dataQuality(kind ? { kind } : {}));
  const kindName = (k: string) => t(`quality.kind.${k}`, { defaultValue: k });
  const choose = (k: IssueKind | '') => filters.set({ kind: k });

  return (
    <>
      <PageTitle>{t('quality.title')}</PageTitle>
      <p>{t('quality.intro')}</p>
      {overview.data && (
        <section aria-labelledby="quality-summary">
          <h2 id="quality-summary">{t('quality.summary')}</h2>
          <ul className="quality-summary" aria-label={t('quality.filter')}>
            <li>
              <button type="button" aria-pressed={!kind} onClick={() => choose('')}>
                {t('quality.all')} <span className="badge">{overview.data.items.length}</span>
              </button>
            </li>
            {ISSUE_KINDS.map((k) => {
              const count = overview.data.summary[k] ?? 0;
              return (
                <li key={k}>
                  <button
                    type="button"
                    className={count === 0 ? 'none' : undefined}
                    aria-pressed={kind === k}
                    onClick={() => choose(kind === k ? '' : k)}
                  >
                    {kindName(k)} <span className="badge">{count}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <DataState query={report}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="alert alert-ok" role="status">
              {kind ? t('quality.none_of_kind', { kind: kindName(kind) }) : t('quality.none')}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="data quality-table">
                <caption className="visually-hidden">
                  {kind ? t('quality.caption_kind', { kind: kindName(kind) }) : t('quality.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('quality.col.kind')}</th>
                    <th scope="col">{t('quality.col.entity')}</th>
                    <th scope="col">{t('quality.col.label')}</th>
                    <th scope="col">{t('quality.col.detail')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {byKind(data.items).map((issue, i) => (
                    <tr key={`${issue.kind}|${issue.entity}|${issue.id}|${i}`}>
                      <td>{kindName(issue.kind)}</td>
                      <td>{t(`quality.entity.${issue.entity}`, { defaultValue: issue.entity })}</td>
                      <th scope="row">{issue.label}</th>
                      <td>{issue.detail ?? <span className="muted">—</span>}</td>
                      <td>
                        {issue.edit && (
                          <Link to={issue.edit} aria-label={t('quality.edit_named', { name: issue.label })}>
                            {t('edit')}
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </DataState>
    </>
  );
}
