import { Suspense } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { BarChart } from '@/components/charts';
import { useLocalized, type LocalizedText } from '@/i18n/localized';
import { useScoreFormat } from './format';

type Ranking = components['schemas']['Ranking'];

interface Props {
  ranking: Ranking;
  /** The names of the category and cycle, for the caption. */
  category: string;
  cycle: string;
}

/** The areas that occur in a ranking, in the order the API gives them. */
function areasOf(ranking: Ranking): { area: string; title: LocalizedText }[] {
  const seen = new Map<string, LocalizedText>();
  for (const entry of ranking.entries) {
    for (const a of entry.areas) if (!seen.has(a.area)) seen.set(a.area, a.title);
  }
  return [...seen].map(([area, title]) => ({ area, title }));
}

/**
 * A ranking as the API computed it: rank, city, mean overall score (and mean z-score when
 * normalised), the mean of each area, the number of evaluations, their spread and agreement,
 * followed by a bar chart of the mean scores.
 */
export function RankingTable({ ranking, category, cycle }: Props) {
  const { t } = useTranslation('results');
  const { text } = useLocalized();
  const format = useScoreFormat();
  const areas = areasOf(ranking);
  if (ranking.entries.length === 0) {
    return (
      <p className="alert alert-warning" role="status">
        {t('ranking.empty')}
      </p>
    );
  }
  return (
    <>
      <div className="table-wrap ranking-wrap">
        <table className="data ranking">
          <caption>{t('ranking.caption', { category, cycle })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('ranking.rank')}
              </th>
              <th scope="col">{t('ranking.city')}</th>
              {ranking.normalized && (
                <th scope="col" className="num">
                  {t('ranking.z_mean')}
                </th>
              )}
              <th scope="col" className="num">
                {t('ranking.mean')}
              </th>
              {areas.map((a) => (
                <th scope="col" className="num" key={a.area}>
                  <span aria-hidden="true">{t('ranking.area', { code: a.area })}</span>
                  <span className="visually-hidden">{t('ranking.area_title', { code: a.area, title: text(a.title) })}</span>
                </th>
              ))}
              <th scope="col" className="num">
                {t('ranking.evaluations')}
              </th>
              <th scope="col" className="num">
                {t('ranking.sd')}
              </th>
              <th scope="col" className="num">
                {t('ranking.range')}
              </th>
              <th scope="col">{t('ranking.agreement')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.entries.map((entry) => {
              const byArea = new Map(entry.areas.map((a) => [a.area, a.mean]));
              return (
                <tr key={entry.nomination_id}>
                  <td className="num">{entry.rank}</td>
                  <th scope="row">
                    <Link to={`/cities/${entry.city}`}>{text(entry.city_name)}</Link>
                  </th>
                  {ranking.normalized && <td className="num">{entry.z_mean == null ? '—' : format.z(entry.z_mean)}</td>}
                  <td className="num">{format.score(entry.mean)}</td>
                  {areas.map((a) => {
                    const mean = byArea.get(a.area);
                    return (
                      <td className="num" key={a.area}>
                        {mean == null ? '—' : format.score(mean)}
                      </td>
                    );
                  })}
                  <td className="num">{entry.evaluations}</td>
                  <td className="num">{format.score(entry.sd)}</td>
                  <td className="num">
                    {t('ranking.range_value', { min: format.score(entry.min), max: format.score(entry.max) })}
                  </td>
                  <td>{t(`agreement.${entry.agreement}`, { defaultValue: entry.agreement })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {areas.length > 0 && (
        <>
          <p className="muted">{t('ranking.legend')}</p>
          <dl className="area-legend">
            {areas.map((a) => (
              <div key={a.area} className="area-legend-row">
                <dt>{t('ranking.area', { code: a.area })}</dt>
                <dd>{text(a.title)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <div className="chart-box">
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('loading', { ns: 'common' })}
            </p>
          }
        >
          <BarChart
            title={t('ranking.chart_title', { category, cycle })}
            bars={ranking.entries.map((e) => ({ label: text(e.city_name), value: e.mean }))}
            max={100}
            format={format.score}
            valueLabel={t('ranking.mean')}
            labelHeader={t('ranking.city')}
          />
        </Suspense>
      </div>
    </>
  );
}
