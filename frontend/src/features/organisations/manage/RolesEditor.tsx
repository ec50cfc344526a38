import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Answer } from '@/api/client';
import type { components } from '@/api/schema';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { SelectField, TextField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import {
  SourcesEditor,
  emptyProvenance,
  numberOrNull,
  provenanceCreateBody,
  textOrNull,
  type ProvenanceValues,
} from '@/features/admin';
import { ROLES, TARGETS, subjectPath, yearsOf, type Organisation, type RoleKind, type RoleTarget } from '../model';
import { organisationsApi } from './api';

type RoleInput = components['schemas']['RoleInput'];

/** The "Add role" form's values, named by the API's fields (so 422 messages land on them). */
type RoleValues = {
  role: RoleKind;
  'of.kind': RoleTarget;
  'of.slug': string;
  from_year: string;
  to_year: string;
  note: string;
} & ProvenanceValues;

function emptyRole(): RoleValues {
  return { role: 'partner', 'of.kind': 'network', 'of.slug': '', from_year: '', to_year: '', note: '', ...emptyProvenance() };
}

function roleBody(values: RoleValues): RoleInput {
  return {
    role: values.role,
    of: { kind: values['of.kind'], slug: values['of.slug'].trim() },
    from_year: numberOrNull(values.from_year),
    to_year: numberOrNull(values.to_year),
    note: textOrNull(values.note),
    ...provenanceCreateBody(values),
  };
}

interface Props {
  organisation: Organisation;
  /** The organisation's ETag, sent as `If-Match` with each role write. */
  etag: string | null;
  /** While the form above has unsaved changes (a role write starts the editor again). */
  locked: boolean;
  /** The organisation, with its new ETag, as a role write answered it. */
  onChanged(changed: Answer<Organisation>): void;
}

/** An organisation's roles in the editor: the list with a Remove button each, and a form to add one. */
export function RolesEditor({ organisation, etag, locked, onChanged }: Props) {
  const { t } = useTranslation(['organisations', 'admin']);
  const { text } = useLocalized();
  const [values, setValues] = useState<RoleValues>(emptyRole);
  const setValue = <K extends keyof RoleValues>(field: K, value: RoleValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const add = useMutation({
    mutationFn: (body: RoleInput) => organisationsApi.addRole(organisation.slug, body, etag),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: (id: number) => organisationsApi.removeRole(organisation.slug, id, etag),
    onSuccess: onChanged,
  });
  const busy = locked || add.isPending || remove.isPending;

  return (
    <section aria-labelledby="organisation-roles">
      <h2 id="organisation-roles">{t('detail.roles_heading')}</h2>
      {locked && <p className="muted">{t('manage.roles.locked')}</p>}
      <ProblemAlert error={remove.error} />
      {organisation.roles.length === 0 ? (
        <p>{t('detail.no_roles')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('manage.roles.caption', { name: text(organisation.name) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('manage.roles.role')}</th>
                <th scope="col">{t('manage.roles.held_in')}</th>
                <th scope="col">{t('manage.roles.years')}</th>
                <th scope="col" className="num">
                  {t('manage.roles.sources')}
                </th>
                <th scope="col">{t('manage.roles.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {organisation.roles.map((role) => {
                const roleName = t(`role.${role.role}`, { defaultValue: role.role });
                const subject = text(role.of.name);
                const path = subjectPath(role.of.kind, role.of.slug);
                const years = yearsOf(role);
                return (
                  <tr key={role.id}>
                    <th scope="row">{roleName}</th>
                    <td>
                      {path ? <Link to={path}>{subject}</Link> : subject}{' '}
                      <span className="muted">({t(`manage.roles.kind.${role.of.kind}`, { defaultValue: role.of.kind })})</span>
                    </td>
                    <td>{years && t(years[0], years[1])}</td>
                    <td className="num">{role.sources.length}</td>
                    <td>
                      <ConfirmAction
                        label={t('manage.roles.remove')}
                        name={t('manage.roles.remove_name', { role: roleName, subject })}
                        question={t('manage.roles.remove_question', { role: roleName, subject })}
                        confirmLabel={t('manage.roles.remove_confirm')}
                        disabled={busy}
                        onConfirm={() => remove.mutate(role.id)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="form manage-form"
        aria-labelledby="organisation-add-role"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(roleBody(values));
        }}
      >
        <h3 id="organisation-add-role">{t('manage.roles.add_heading')}</h3>
        <ProblemAlert error={add.error} />
        <div className="form-grid">
          <SelectField
            label={t('manage.roles.role')}
            name="role"
            problem={add.error}
            value={values.role}
            required
            onChange={(e) => setValue('role', ROLES.find((r) => r === e.target.value) ?? values.role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('manage.roles.target_kind')}
            name="of.kind"
            problem={add.error}
            value={values['of.kind']}
            required
            onChange={(e) => setValue('of.kind', TARGETS.find((k) => k === e.target.value) ?? values['of.kind'])}
          >
            {TARGETS.map((k) => (
              <option key={k} value={k}>
                {t(`manage.roles.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('manage.roles.target_slug')}
            name="of.slug"
            hint={t('manage.roles.target_slug_hint')}
            problem={add.error}
            value={values['of.slug']}
            required
            onChange={(e) => setValue('of.slug', e.target.value)}
          />
          <TextField
            label={t('manage.roles.from_year')}
            name="from_year"
            type="number"
            min="1900"
            step="1"
            problem={add.error}
            value={values.from_year}
            onChange={(e) => setValue('from_year', e.target.value)}
          />
          <TextField
            label={t('manage.roles.to_year')}
            name="to_year"
            type="number"
            min="1900"
            step="1"
            problem={add.error}
            value={values.to_year}
            onChange={(e) => setValue('to_year', e.target.value)}
          />
          <TextField
            label={t('manage.roles.note')}
            name="note"
            problem={add.error}
            value={values.note}
            onChange={(e) => setValue('note', e.target.value)}
          />
        </div>
        <SourcesEditor values={values} setValue={setValue} problem={add.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {add.isPending ? t('saving', { ns: 'admin' }) : t('manage.roles.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
