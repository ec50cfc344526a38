import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { networksKeys } from '@/features/networks';
import { adminApi } from '@/features/admin/api';
import { NetworkFields } from './NetworkFields';
import { emptyNetwork, networkCreateBody, type NetworkValues } from './networkForm';

/** `/admin/networks/new`: a new network; then its edit page. */
export function NetworkCreatePage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<NetworkValues>(emptyNetwork);
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof networkCreateBody>) => adminApi.createNetwork(body),
    onSuccess: (network) => {
      void queryClient.invalidateQueries({ queryKey: networksKeys.all });
      navigate(`/admin/networks/${network.slug}`, { state: { created: true } });
    },
  });
  const setValue = <K extends keyof NetworkValues>(field: K, value: NetworkValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  return (
    <>
      <PageTitle>{t('network.create_title')}</PageTitle>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(networkCreateBody(values));
        }}
      >
        <ProblemAlert error={create.error} />
        <NetworkFields values={values} setValue={setValue} problem={create.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('saving') : t('network.create')}
          </button>
        </div>
      </form>
    </>
  );
}
