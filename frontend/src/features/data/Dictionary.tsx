import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { Rich } from './Rich';

type Dataset = components['schemas']['Dataset'];

/**
 * One bulk dataset: its download, licence and attribution, and the data dictionary (every table
 * with its columns, types and meanings). The API writes these texts in English, so they are
 * marked as English.
 */
export function Dictionary({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation('data');
  return (
    <article aria-labelledby={`dataset-${dataset.slug}`}>
      <h3 id={`dataset-${dataset.slug}`} lang="en">
        {dataset.title}
      </h3>
      <p lang="en">{dataset.description}</p>
      <p>
        <a className="button primary" href={dataset.download}>
          {t('dataset.download')}
        </a>
      </p>
      <p className="muted">
        <Rich k="dataset.contents" />
      </p>
      <h4>{t('dataset.licence')}</h4>
      <p lang="en">{dataset.licence}</p>
      <h4>{t('dataset.attribution')}</h4>
      <p>{t('dataset.attribution_intro')}</p>
      <ul lang="en">
        {dataset.attribution.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h4>{t('dataset.dictionary')}</h4>
      <p className="muted">{t('dataset.dictionary_intro')}</p>
      {dataset.tables.map((table) => (
        <details key={table.name} className="dictionary-table">
          <summary>
            <code>{table.file}</code> <span lang="en">{table.description}</span>{' '}
            <span className="muted">{t('dataset.columns', { n: table.columns.length })}</span>
          </summary>
          <div className="table-wrap">
            <table className="data dictionary">
              <caption className="visually-hidden">
                <code>{table.file}</code>{' '}
                <span lang="en">{table.description}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataset.column')}</th>
                  <th scope="col">{t('dataset.type')}</th>
                  <th scope="col">{t('dataset.meaning')}</th>
                </tr>
              </thead>
              <tbody>
                {table.columns.map((column) => (
                  <tr key={column.name}>
                    <th scope="row">
                      <code>{column.name}</code>
                    </th>
                    <td>
                      <code>{column.type}</code>{' '}
                      <span className="muted">{t(`types.${column.type}`, { defaultValue: '' })}</span>
                    </td>
                    <td lang="en">{column.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
    </article>
  );
}
