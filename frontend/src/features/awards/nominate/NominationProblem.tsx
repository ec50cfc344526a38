import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { ProblemAlert } from '@/components/ProblemAlert';

/**
 * Shows why a nomination or a withdrawal was refused. The refusals of the award rules (not
 * eligible, window closed, once per category, ...) get a headline of their own and the server's
 * explanation under it; every other problem goes to ProblemAlert.
 */
export function NominationProblem({ error, city }: { error: unknown; city: string }) {
  const { t, i18n } = useTranslation('editor');
  if (error instanceof ApiProblem && i18n.exists(`editor:problems.${error.code}`)) {
    return (
      <div role="alert" className="alert alert-error">
        <p className="alert-title">{t(`problems.${error.code}`, { city })}</p>
        {error.detail && <p className="alert-detail">{error.detail}</p>}
      </div>
    );
  }
  return <ProblemAlert error={error} />;
}
