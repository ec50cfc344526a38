import { Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { AseanMap } from '@/components/map';
import { citiesQueries } from '@/features/cities';
import { useLocalized } from '@/i18n/localized';

/** The learning cities of the ASEAN+3 countries on the map (every page of `/cities?group=asean_plus_3`). */
export function HomeMap() {
  const { t } = useTranslation(['home', 'common']);
  const { text } = useLocalized();
  const query = useQuery(citiesQueries.group('asean_plus_3'));
  const loading = (
    <p className="loading" role="status">
      {t('loading', { ns: 'common' })}
    </p>
  );
  return (
    <section aria-labelledby="home-map">
      <h2 id="home-map">{t('map.heading')}</h2>
      <p>{t('map.intro')}</p>
      <DataState query={query}>
        {(cities) => (
          <Suspense fallback={loading}>
            <AseanMap
              title={t('map.title')}
              cities={cities.map((c) => ({ slug: c.slug, name: text(c.name), lat: c.lat, lon: c.lon }))}
            />
          </Suspense>
        )}
      </DataState>
      <p>
        <Link to="/cities">{t('map.all_cities')}</Link>
      </p>
    </section>
  );
}
