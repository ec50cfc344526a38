import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { organisationsKeys } from '../api';
import { organisationsApi } from './api';
import { OrganisationFields } from './OrganisationFields';
import { emptyOrganisation, organisationCreateBody, type OrganisationInput, type OrganisationValues } from './organisationForm';

/** `/admin/organisations/new`: a new organisation; then its edit page. */
export function OrganisationCreatePage() {
  const { t } = useTranslation(['organisations', 'admin']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<OrganisationValues>(emptyOrganisation);
  const create = useMutation({
    mutationFn: (body: OrganisationInput) => organisationsApi.create(body),
    onSuccess: (organisation) => {
      void queryClient.invalidateQueries({ queryKey: organisationsKeys.all });
      navigate(`/admin/organisations/${encodeURIComponent(organisation.slug)}`, { state: { created: true } });
    },
  });
  const setValue = <K extends keyof OrganisationValues>(field: K, value: OrganisationValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  return (
    <>
      <PageTitle>{t('manage.create_title')}</PageTitle>
      <form
        className="form manage-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(organisationCreateBody(values));
        }}
      >
        <ProblemAlert error={create.error} />
        <OrganisationFields values={values} setValue={setValue} problem={create.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('saving', { ns: 'admin' }) : t('manage.create')}
          </button>
        </div>
      </form>
    </>
  );
}
