import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { citiesKeys } from '@/features/cities';
import { adminApi } from '@/features/admin/api';
import { CityFields } from './CityFields';
import { cityCreateBody, emptyCity, type CityValues } from './cityForm';

/** What the edit page is told after a city was created: it shows the link to the public profile. */
export interface CreatedState {
  created: true;
}

/** `/admin/cities/new`: a new city with all its fields; then its edit page, with a link to its public profile. */
export function CityCreatePage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<CityValues>(emptyCity);
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof cityCreateBody>) => adminApi.createCity(body),
    onSuccess: (city) => {
      void queryClient.invalidateQueries({ queryKey: citiesKeys.all });
      const state: CreatedState = { created: true };
      navigate(`/admin/cities/${city.slug}`, { state });
    },
  });
  const setValue = <K extends keyof CityValues>(field: K, value: CityValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  return (
    <>
      <PageTitle>{t('city.create_title')}</PageTitle>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(cityCreateBody(values));
        }}
      >
        <ProblemAlert error={create.error} />
        <CityFields values={values} setValue={setValue} problem={create.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('saving') : t('city.create')}
          </button>
        </div>
      </form>
    </>
  );
}
