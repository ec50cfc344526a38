import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '@/i18n/localized';
import { StageControl } from '@/components/StageControl';
import { StatusBadge } from '@/components/StatusBadge';
import type { CycleViewProps } from './CycleArea';

/** A cycle's facts, categories and criteria, and its stage control. */
export function CycleOverview({ cycle, reload }: CycleViewProps) {
  const { t } = useTranslation('manage');
  const { text, date } = useLocalized();
  const c = cycle.data;
  const none = t('cycle.none');
  return (
    <>
      <StageControl cycle={cycle} onReload={reload} />
      <section aria-labelledby="cycle-facts">
        <h2 id="cycle-facts">{t('cycle.facts')}</h2>
        <dl className="facts">
          <dt>{t('cycle.programme')}</dt>
          <dd>{c.programme}</dd>
          <dt>{t('cycle.year')}</dt>
          <dd>{c.year}</dd>
          <dt>{t('cycle.status')}</dt>
          <dd>
            <StatusBadge kind="cycle" status={c.status} />
          </dd>
          <dt>{t('cycle.window')}</dt>
          <dd>
            {c.nominations_open_on || c.nominations_close_on
              ? t('cycle.window_range', {
                  from: c.nominations_open_on ? date(c.nominations_open_on) : t('cycle.open_end'),
                  to: c.nominations_close_on ? date(c.nominations_close_on) : t('cycle.open_end'),
                })
              : t('cycle.window_unset')}
          </dd>
          <dt>{t('cycle.ceremony')}</dt>
          <dd>{[c.ceremony_on ? date(c.ceremony_on) : '', text(c.ceremony)].filter(Boolean).join(' · ') || none}</dd>
          <dt>{t('cycle.framework')}</dt>
          <dd>
            {c.framework ? (
              <Link to={`/manage/evaluations/frameworks/${c.framework}`}>{c.framework}</Link>
            ) : (
              t('cycle.no_framework')
            )}
          </dd>
          <dt>{t('cycle.source')}</dt>
          <dd>{c.source_url ? <a href={c.source_url}>{c.source_url}</a> : none}</dd>
          {c.published_at && (
            <>
              <dt>{t('cycle.published_at')}</dt>
              <dd>{date(c.published_at)}</dd>
            </>
          )}
        </dl>
        {c.summary && <p>{text(c.summary)}</p>}
      </section>
      <section aria-labelledby="cycle-categories">
        <h2 id="cycle-categories">{t('cycle.categories', { n: c.categories.length })}</h2>
        {c.categories.length === 0 ? (
          <p>{t('cycle.no_categories')}</p>
        ) : (
          <ul>
            {c.categories.map((cat) => (
              <li key={cat.slug}>
                {text(cat.name)} <span className="muted">({cat.slug})</span>
                {cat.description && <span className="stage-note">{text(cat.description)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="cycle-criteria">
        <h2 id="cycle-criteria">{t('cycle.criteria')}</h2>
        {c.criteria.length === 0 ? (
          <p>{t('cycle.no_criteria')}</p>
        ) : (
          <ol>
            {c.criteria.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="cycle-links">
        <h2 id="cycle-links">{t('cycle.links')}</h2>
        <ul>
          <li>
            <Link to={`/manage/awards/cycles/${c.id}/nominations`}>{t('cycle.tab_nominations')}</Link>
          </li>
          <li>
            <Link to={`/manage/evaluations?cycle=${c.id}`}>{t('cycle.evaluations_link')}</Link>
          </li>
          <li>
            <Link to={`/results?cycle=${c.id}`}>{t('cycle.ranking_link')}</Link>
            {c.status !== 'published' && <span className="stage-note">{t('cycle.ranking_unpublished')}</span>}
          </li>
          {c.status !== 'draft' && (
            <li>
              <Link to={`/awards/cycles/${c.id}`}>{t('cycle.public_link')}</Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
