import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { evaluationsQueries } from '@/features/evaluations/api';

type Criterion = components['schemas']['Criterion'];

/** The criteria under `parent` (null: the areas), in the API's order, each with its own children. */
function Branch({ parent, byParent }: { parent: string | null; byParent: Map<string | null, Criterion[]> }) {
  const { t, i18n } = useTranslation('manage');
  const { text, number } = useLocalized();
  const items = byParent.get(parent) ?? [];
  if (items.length === 0) return null;
  return (
    <ul className={parent === null ? 'tree' : undefined}>
      {items.map((c) => {
        const leaf = !byParent.has(c.code);
        const level = i18n.exists(`manage:frameworks.level_${c.level}`) ? t(`frameworks.level_${c.level}`) : c.level;
        return (
          <li key={c.code}>
            <span className="tree-code">{c.code}</span>
            {text(c.title)}
            {!c.verified && <span className="badge badge-unverified">{t('frameworks.unverified_criterion')}</span>}
            <span className="tree-meta">
              {[
                level,
                t('frameworks.weight', { weight: number(c.weight, 2) }),
                leaf ? t('frameworks.scale', { min: c.scale_min, max: c.scale_max }) : '',
                leaf ? (c.required ? t('frameworks.required') : t('frameworks.optional')) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <Branch parent={c.code} byParent={byParent} />
          </li>
        );
      })}
    </ul>
  );
}

/** One framework version and its criteria tree (areas → focus areas → features), read-only. */
export default function FrameworkPage() {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const slug = useParams().slug ?? '';
  const query = useQuery(evaluationsQueries.framework(slug));
  const back = (
    <p>
      <Link to="/manage/evaluations/frameworks">{t('frameworks.back')}</Link>
    </p>
  );
  if (query.error) {
    return (
      <>
        {back}
        <PageTitle>{t('frameworks.fallback_title', { slug })}</PageTitle>
        <ProblemAlert error={query.error} />
      </>
    );
  }
  if (!query.data) {
    return (
      <p className="loading" role="status">
        {t('loading', { ns: 'common' })}
      </p>
    );
  }
  const f = query.data;
  const criteria = f.criteria ?? [];
  const byParent = new Map<string | null, Criterion[]>();
  for (const c of criteria) {
    const key = c.parent ?? null;
    byParent.set(key, [...(byParent.get(key) ?? []), c]);
  }
  const unverified = criteria.filter((c) => !c.verified).length;
  return (
    <>
      {back}
      <PageTitle>{text(f.name)}</PageTitle>
      <dl className="facts">
        <dt>{t('frameworks.slug')}</dt>
        <dd>{f.slug}</dd>
        <dt>{t('frameworks.version')}</dt>
        <dd>{t('frameworks.family_version', { family: f.family, version: f.version })}</dd>
        <dt>{t('frameworks.frozen')}</dt>
        <dd>{f.frozen ? t('frameworks.is_frozen') : t('frameworks.not_frozen')}</dd>
        <dt>{t('frameworks.source')}</dt>
        <dd>{f.source_url ? <a href={f.source_url}>{f.source_url}</a> : t('cycle.none')}</dd>
      </dl>
      {f.description && <p>{text(f.description)}</p>}
      {(!f.verified || unverified > 0) && (
        <div className="alert alert-warning">
          <p className="alert-title">{t('frameworks.unverified_title')}</p>
          <p>{t('frameworks.unverified_detail', { n: unverified, total: criteria.length })}</p>
        </div>
      )}
      <h2>{t('frameworks.criteria', { n: criteria.length })}</h2>
      <p className="muted">{t('frameworks.read_only')}</p>
      {criteria.length === 0 ? <p>{t('frameworks.no_criteria')}</p> : <Branch parent={null} byParent={byParent} />}
    </>
  );
}
