import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { BarChart } from '@/components/charts';
import { useLocalized } from '@/i18n/localized';
import { adminQueries } from '@/features/admin/api';

/** `/admin/api-keys/:id/usage` (admin): the requests one key made, per day (UTC), newest first. */
export function ApiKeyUsagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const { number, language } = useLocalized();
  const day = (iso: string) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString(language === 'th' ? 'th-TH' : 'en-GB', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    });
  const query = useQuery(adminQueries.apiKeyUsage(Number(id)));
  const prefix = query.data?.prefix;
  return (
    <>
      <PageTitle>{prefix ? t('usage.title', { prefix }) : t('usage.title_id', { id })}</PageTitle>
      <p>
        <Link to="/admin/api-keys">{t('usage.back')}</Link>
      </p>
      <DataState query={query}>
        {(usage) => (
          <>
            <div className="figures">
              <p className="figure">
                <span className="figure-value">{number(usage.total)}</span>
                {t('usage.total', { count: usage.total })}
              </p>
              <p className="figure">
                <span className="figure-value">{number(usage.days.length)}</span>
                {t('usage.days_with_use', { count: usage.days.length })}
              </p>
            </div>
            {usage.days.length === 0 ? (
              <p>{t('usage.none')}</p>
            ) : (
              <>
                <BarChart
                  title={t('usage.chart', { count: Math.min(30, usage.days.length) })}
                  bars={usage.days
                    .slice(0, 30)
                    .reverse()
                    .map((d) => ({ label: day(d.day), value: d.requests }))}
                  format={(v) => number(v)}
                  valueLabel={t('usage.requests')}
                  labelHeader={t('usage.day')}
                />
                <h2>{t('usage.per_day')}</h2>
                <div className="table-wrap">
                  <table className="data">
                    <thead>
                      <tr>
                        <th scope="col">{t('usage.day')}</th>
                        <th scope="col" className="num">
                          {t('usage.requests')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {usage.days.map((d) => (
                        <tr key={d.day}>
                          <th scope="row">{day(d.day)}</th>
                          <td className="num">{number(d.requests)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p className="muted">{t('usage.utc')}</p>
              </>
            )}
          </>
        )}
      </DataState>
    </>
  );
}
