import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { ProblemAlert } from '@/components/ProblemAlert';

/**
 * Shows a failed evaluation step: the problems this workspace explains itself (locked, wrong
 * status) get their own headline with the server's detail; every other one goes to ProblemAlert.
 */
export function EvaluationProblem({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('evaluate');
  if (error instanceof ApiProblem && i18n.exists(`evaluate:problems.${error.code}`)) {
    return (
      <div role="alert" className="alert alert-error">
        <p className="alert-title">{t(`problems.${error.code}`)}</p>
        {error.detail && <p className="alert-detail">{error.detail}</p>}
      </div>
    );
  }
  return <ProblemAlert error={error} />;
}
