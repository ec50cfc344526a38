import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField } from '@/components/forms/Field';
import { evaluationsQueries } from '@/features/evaluations/api';

/**
 * The evaluator accounts (`GET /users?role=evaluator`, first 200), which the admin and the
 * secretariat may both list.
 */
export function useEvaluators() {
  return useQuery(evaluationsQueries.evaluators());
}

/** An evaluator by name, or by user id until the accounts have loaded (or when not among them). */
export function EvaluatorName({ id }: { id: number }) {
  const { t } = useTranslation('manage');
  const evaluators = useEvaluators();
  const account = evaluators.data?.find((a) => a.id === id);
  return <>{account ? account.display_name : t('evaluators.by_id', { id })}</>;
}

interface FieldProps {
  /** The chosen evaluator's user id, as the select holds it ('' for none). */
  value: string;
  onChange(value: string): void;
  problem: unknown;
}

/** Chooses the evaluator of an assignment or a conflict from the evaluator accounts. */
export function EvaluatorField({ value, onChange, problem }: FieldProps) {
  const { t } = useTranslation('manage');
  const evaluators = useEvaluators();
  if (evaluators.error) return <ProblemAlert error={evaluators.error} />;
  if (evaluators.isPending) {
    return (
      <p className="loading" role="status">
        {t('loading', { ns: 'common' })}
      </p>
    );
  }
  return (
    <SelectField
      label={t('evaluators.label')}
      name="evaluator"
      problem={problem}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
    >
      <option value="">{t('evaluators.choose')}</option>
      {evaluators.data.map((a) => (
        <option key={a.id} value={String(a.id)} disabled={!a.active}>
          {t(a.active ? 'evaluators.option' : 'evaluators.option_inactive', { name: a.display_name, email: a.email })}
        </option>
      ))}
    </SelectField>
  );
}

/** The user id chosen, or null when there is none. */
export function evaluatorId(value: string): number | null {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}
