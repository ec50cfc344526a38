import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { useCity, useNominations, useOpenCycles } from './queries';

/** `/my-city`: the city the editor keeps, with the ways to its public profile, its form and its nominations. */
export function MyCityPage({ slug }: { slug: string }) {
  const { t } = useTranslation('editor');
  const { text, number, date } = useLocalized();
  const city = useCity(slug);
  const open = useOpenCycles();
  const nominations = useNominations(slug);
  const name = city.data ? text(city.data.name) : slug;
  return (
    <section>
      <PageTitle>{t('city.title', { city: name })}</PageTitle>
      <DataState query={city}>
        {(c) => (
          <>
            <dl className="facts">
              <dt>{t('city.name_en')}</dt>
              <dd lang="en">{c.name.en}</dd>
              <dt>{t('city.name_th')}</dt>
              <dd lang="th">{c.name.th ?? t('city.not_recorded')}</dd>
              <dt>{t('city.population')}</dt>
              <dd>{c.population == null ? t('city.not_recorded') : number(c.population)}</dd>
              <dt>{t('city.website')}</dt>
              <dd>{c.website ? <a href={c.website}>{c.website}</a> : t('city.not_recorded')}</dd>
              <dt>{t('city.updated')}</dt>
              <dd>{date(c.updated_at)}</dd>
            </dl>
            <ul className="actions my-city-links">
              <li>
                <Link to={`/cities/${c.slug}`}>{t('city.public_profile', { city: name })}</Link>
              </li>
              <li>
                <Link to="/my-city/edit">{t('city.edit')}</Link>
              </li>
            </ul>
          </>
        )}
      </DataState>
      <h2>{t('city.awards')}</h2>
      <ProblemAlert error={open.error ?? nominations.error} />
      {open.data && <p>{t('city.open_cycles', { count: open.data.total })}</p>}
      {nominations.data && <p>{t('city.nominations', { count: nominations.data.total })}</p>}
      <p>
        <Link to="/my-city/nominations">{t('city.to_nominations')}</Link>
      </p>
    </section>
  );
}
