import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, type Role } from '@/auth/AuthProvider';

/** Shows `children` to users with one of `roles`; sends the signed-out to the login page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user, hasRole } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (user === undefined) {
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  }
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!hasRole(...roles)) {
    return (
      <div role="alert" className="alert alert-error">
        <p className="alert-title">{t('forbidden.title')}</p>
        <p>{t('forbidden.detail')}</p>
      </div>
    );
  }
  return <>{children}</>;
}

/** Where a user's work starts after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'evaluator':
      return '/evaluate';
    case 'city_editor':
      return '/my-city';
    case 'analyst':
      return '/data';
    default:
      return '/admin';
  }
}
