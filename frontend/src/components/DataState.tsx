import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

interface Props<T> {
  /** The query's state, as TanStack Query returns it. */
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}

/** Renders a query: a polite loading line, the problem if it failed, else `children(data)`. */
export function DataState<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending || query.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  }
  return <>{children(query.data)}</>;
}
