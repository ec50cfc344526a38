import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { CitySlugField } from '@/components/CityPicker';
import { citiesKeys } from '@/features/cities';
import { networksKeys, networksQueries } from '@/features/networks';
import { adminApi, adminKeys } from '@/features/admin/api';
import { MembershipFields, membershipLabel } from './MembershipFields';
import { emptyMembership, membershipCreateBody, type NewMembershipValues } from './membershipForm';

/** `/admin/memberships/new?network=&city=`: adds a city to a network; then the membership's edit page. */
export function MembershipCreatePage() {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const networks = useQuery({ ...networksQueries.everyNetwork(), select: (page) => page.items });
  const [values, setValues] = useState<NewMembershipValues>(() => emptyMembership(params.get('city') ?? '', params.get('network') ?? ''));
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof membershipCreateBody>) => adminApi.createMembership(body),
    onSuccess: (membership) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.memberships() });
      void queryClient.invalidateQueries({ queryKey: citiesKeys.detail(membership.city) });
      void queryClient.invalidateQueries({ queryKey: networksKeys.all });
      navigate(`/admin/memberships/${membership.id}`, { state: { created: true } });
    },
  });
  const setValue = <K extends keyof NewMembershipValues>(field: K, value: NewMembershipValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  return (
    <>
      <PageTitle>{t('membership.create_title')}</PageTitle>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(membershipCreateBody(values));
        }}
      >
        <ProblemAlert error={create.error ?? networks.error} />
        <div className="form-grid">
          <CitySlugField
            label={membershipLabel(t, 'city')}
            name="city"
            value={values.city}
            onChange={(slug) => setValue('city', slug)}
            problem={create.error}
            required
          />
          <SelectField
            label={membershipLabel(t, 'network')}
            name="network"
            problem={create.error}
            value={values.network}
            required
            onChange={(e) => setValue('network', e.target.value)}
          >
            <option value="">{t('memberships.choose_network')}</option>
            {(networks.data ?? []).map((n) => (
              <option key={n.slug} value={n.slug}>
                {text(n.name)}
              </option>
            ))}
          </SelectField>
        </div>
        <MembershipFields values={values} setValue={setValue} problem={create.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('saving') : t('membership.create')}
          </button>
        </div>
      </form>
    </>
  );
}
