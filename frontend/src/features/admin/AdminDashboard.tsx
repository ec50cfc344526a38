import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/auth/AuthProvider';
import { PageTitle } from '@/components/PageTitle';
import { ADMIN_SECTIONS, useStaffRights } from './shared';

/** `/admin`: what each section is for, with a link to it; only the sections the role may use. */
export function AdminDashboard() {
  const { t } = useTranslation('admin');
  const { user } = useAuth();
  const { admin } = useStaffRights();
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <p>{t('dashboard.intro')}</p>
      {user && <p className="muted">{t(admin ? 'dashboard.as_admin' : 'dashboard.as_secretariat', { name: user.display_name })}</p>}
      <ul className="cards">
        {ADMIN_SECTIONS.filter((s) => admin || !s.adminOnly).map((s) => (
          <li key={s.path} className="card">
            <h2>
              <Link to={`/admin/${s.path}`}>{t(`nav.${s.path}`)}</Link>
            </h2>
            <p>{t(`dashboard.sections.${s.path}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
