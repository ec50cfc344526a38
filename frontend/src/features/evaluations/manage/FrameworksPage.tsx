import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { useLocalized } from '@/i18n/localized';
import { evaluationsQueries } from '@/features/evaluations/api';

/** The evaluation framework versions, marking those with unverified criteria texts. */
export default function FrameworksPage() {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const frameworks = useQuery(evaluationsQueries.frameworkList());
  return (
    <>
      <PageTitle>{t('frameworks.title')}</PageTitle>
      <p className="muted">{t('frameworks.intro')}</p>
      <DataState query={frameworks}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('frameworks.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{t('frameworks.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('frameworks.name')}</th>
                    <th scope="col">{t('frameworks.slug')}</th>
                    <th scope="col" className="num">{t('frameworks.version')}</th>
                    <th scope="col">{t('frameworks.wording')}</th>
                    <th scope="col">{t('frameworks.frozen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((f) => (
                    <tr key={f.slug}>
                      <th scope="row">
                        <Link to={`/manage/evaluations/frameworks/${f.slug}`}>{text(f.name)}</Link>
                      </th>
                      <td>{f.slug}</td>
                      <td className="num">{f.version}</td>
                      <td>
                        {f.verified ? t('frameworks.verified') : <span className="badge badge-unverified">{t('frameworks.unverified')}</span>}
                      </td>
                      <td>{f.frozen ? t('frameworks.is_frozen') : t('frameworks.not_frozen')}</td>
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
