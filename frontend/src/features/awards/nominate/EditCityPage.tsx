import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { citiesKeys } from '@/features/cities';
import { useLocalized } from '@/i18n/localized';
import { useCity } from './queries';

const CityEditor = lazy(() => import('@/features/admin').then((m) => ({ default: m.CityEditor })));

/** `/my-city/edit`: the city's profile form (the admin city editor, with the fields an editor may not change fixed). */
export function EditCityPage({ slug }: { slug: string }) {
  const { t } = useTranslation(['editor', 'common']);
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const city = useCity(slug);
  const name = city.data ? text(city.data.name) : slug;
  return (
    <section>
      <PageTitle>{t('edit.title', { city: name })}</PageTitle>
      <p>{t('edit.intro')}</p>
      <p>
        <Link to="/my-city">{t('edit.back')}</Link>
      </p>
      <Suspense
        fallback={
          <p className="loading" role="status">
            {t('loading', { ns: 'common' })}
          </p>
        }
      >
        <CityEditor slug={slug} onSaved={() => void queryClient.invalidateQueries({ queryKey: citiesKeys.detail(slug) })} />
      </Suspense>
    </section>
  );
}
