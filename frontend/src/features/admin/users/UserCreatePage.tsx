import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField, TextField } from '@/components/forms/Field';
import { CitySlugField } from '@/components/CityPicker';
import { adminApi, adminKeys } from '@/features/admin/api';
import { accountCreateBody, ROLES, type NewAccountValues } from './userForm';

/** `/admin/users/new` (admin): a new account with its role (and city, for a city editor) and first password. */
export function UserCreatePage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<NewAccountValues>({ email: '', display_name: '', role: 'evaluator', city: '', password: '' });
  const set = (field: keyof NewAccountValues, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof accountCreateBody>) => adminApi.createUser(body),
    onSuccess: (account) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
      navigate(`/admin/users/${account.id}`, { state: { created: true } });
    },
  });
  return (
    <>
      <PageTitle>{t('user.create_title')}</PageTitle>
      <form
        className="form narrow"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(accountCreateBody(values));
        }}
      >
        <ProblemAlert error={create.error} />
        <TextField
          label={t('user.fields.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          problem={create.error}
          value={values.email}
          onChange={(e) => set('email', e.target.value)}
        />
        <TextField
          label={t('user.fields.display_name')}
          name="display_name"
          required
          problem={create.error}
          value={values.display_name}
          onChange={(e) => set('display_name', e.target.value)}
        />
        <SelectField
          label={t('user.fields.role')}
          name="role"
          problem={create.error}
          value={values.role}
          onChange={(e) => set('role', e.target.value)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <p className="muted">{t(`role_help.${values.role}`)}</p>
        {values.role === 'city_editor' && (
          <CitySlugField
            label={t('user.fields.city')}
            name="city"
            value={values.city}
            onChange={(slug) => set('city', slug)}
            problem={create.error}
            required
          />
        )}
        <TextField
          label={t('user.fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          hint={t('user.hints.password')}
          problem={create.error}
          value={values.password}
          onChange={(e) => set('password', e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('saving') : t('user.create')}
          </button>
        </div>
      </form>
    </>
  );
}
