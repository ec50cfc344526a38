import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { SelectField, TextAreaField, TextField } from '@/components/forms/Field';
import { SourcesEditor, provenanceLabel } from '@/features/admin/SourcesEditor';
import { isProvenanceField } from '@/features/admin/provenanceForm';
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES, type MembershipField, type MembershipValues } from './membershipForm';

/** The visible label of a membership field. */
export function membershipLabel(t: TFunction, field: keyof MembershipValues | 'city' | 'network'): string {
  if (isProvenanceField(field)) return provenanceLabel(t, field);
  return t(`membership.fields.${field}`, { ns: 'admin' });
}

interface Props {
  values: MembershipValues;
  setValue<K extends keyof MembershipValues>(field: K, value: MembershipValues[K]): void;
  /** The last problem of the form: 422 messages are shown at their fields. */
  problem: unknown;
}

/** The changeable inputs of a membership: when and how the city belongs to the network, and its sources. */
export function MembershipFields({ values, setValue, problem }: Props) {
  const { t } = useTranslation('admin');
  const label = (field: MembershipField) => membershipLabel(t, field);
  const next = String(new Date().getFullYear() + 1);
  const year = (field: 'joined_year' | 'left_year') => (
    <TextField
      label={label(field)}
      name={field}
      type="number"
      min="1900"
      max={next}
      step="1"
      problem={problem}
      value={values[field]}
      onChange={(e) => setValue(field, e.target.value)}
    />
  );
  return (
    <>
      <div className="form-grid">
        {year('joined_year')}
        <TextField
          label={label('joined_on')}
          name="joined_on"
          type="date"
          hint={t('membership.hints.joined_on')}
          problem={problem}
          value={values.joined_on}
          onChange={(e) => setValue('joined_on', e.target.value)}
        />
        {year('left_year')}
        <SelectField
          label={label('role')}
          name="role"
          problem={problem}
          value={values.role}
          onChange={(e) => setValue('role', e.target.value)}
        >
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`membership.role.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={label('status')}
          name="status"
          problem={problem}
          value={values.status}
          onChange={(e) => setValue('status', e.target.value)}
        >
          {MEMBERSHIP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`membership.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={label('source_url')}
          name="source_url"
          type="url"
          hint={t('membership.hints.source_url')}
          problem={problem}
          value={values.source_url}
          onChange={(e) => setValue('source_url', e.target.value)}
        />
      </div>
      <TextAreaField
        label={label('note')}
        name="note"
        rows={3}
        problem={problem}
        value={values.note}
        onChange={(e) => setValue('note', e.target.value)}
      />
      <SourcesEditor values={values} setValue={setValue} problem={problem} />
    </>
  );
}
