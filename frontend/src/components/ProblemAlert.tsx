import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';

/**
 * Shows why a request failed: the problem's title and detail, and the field errors it lists.
 * Known codes get a translated explanation; the server's own words follow for the details.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : ApiProblem.network(error);
  const known = `problems.${problem.code}`;
  const headline = i18n.exists(known) ? t(known) : problem.title || t('problems.generic');
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{headline}</p>
      {problem.detail && <p className="alert-detail">{problem.detail}</p>}
      {problem.errors.length > 0 && !(problem.errors.length === 1 && problem.detail.includes(problem.errors[0]?.message ?? '\u0000')) && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
