import { useTranslation } from 'react-i18next';
import { ApiProblem, isStaleEdit } from '@/api/problem';
import { ProblemAlert } from './ProblemAlert';

interface Props {
  /** The error of the last write, if any. */
  error: unknown;
  /** For a 412: reloads the record so the user can redo the change on the current version. */
  onReload?: () => void;
}

/**
 * Shows why the API refused a write of the award or evaluation workflow. The refusals of this
 * workflow (`not_eligible`, `illegal_transition`, `conflict_of_interest`...) get a translated
 * explanation followed by the API's own reason; a stale edit offers to reload; anything else is
 * shown by the shared {@link ProblemAlert}.
 */
export function Refusal({ error, onReload }: Props) {
  const { t, i18n } = useTranslation('manage');
  if (!error) return null;
  if (isStaleEdit(error)) {
    return (
      <div role="alert" className="alert alert-warning">
        <p className="alert-title">{t('problems.precondition_failed')}</p>
        <p className="alert-detail">{t('stale.detail')}</p>
        {onReload && (
          <button type="button" onClick={onReload}>
            {t('stale.reload')}
          </button>
        )}
      </div>
    );
  }
  if (!(error instanceof ApiProblem) || !i18n.exists(`manage:problems.${error.code}`)) {
    return <ProblemAlert error={error} />;
  }
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{t(`problems.${error.code}`)}</p>
      {error.detail && (
        <p className="alert-detail">
          {t('problems.reason')} <span lang="en">{error.detail}</span>
        </p>
      )}
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: <span lang="en">{e.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
