import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { EventsAdminArea } from '@/features/events';
import { OrganisationsAdminArea } from '@/features/organisations';
import { AdminDashboard } from './AdminDashboard';
import { ApiKeysPage } from './apikeys/ApiKeysPage';
import { ApiKeyUsagePage } from './apikeys/ApiKeyUsagePage';
import { AuditLogPage } from './audit/AuditLogPage';
import { CitiesAdminPage } from './cities/CitiesAdminPage';
import { CityCreatePage } from './cities/CityCreatePage';
import { CityEditPage } from './cities/CityEditPage';
import { ImportPage } from './imports/ImportPage';
import { MembershipCreatePage } from './memberships/MembershipCreatePage';
import { MembershipEditPage } from './memberships/MembershipEditPage';
import { MembershipsPage } from './memberships/MembershipsPage';
import { NetworkCreatePage } from './networks/NetworkCreatePage';
import { NetworkEditPage } from './networks/NetworkEditPage';
import { NetworksAdminPage } from './networks/NetworksAdminPage';
import { DataQualityPage } from './quality/DataQualityPage';
import { UserCreatePage } from './users/UserCreatePage';
import { UserEditPage } from './users/UserEditPage';
import { UsersPage } from './users/UsersPage';
import { ADMIN_SECTIONS, useStaffRights } from './shared';
import './admin.css';

/** The tabs of the administration; a secretariat account sees only the sections it may use. */
function AdminTabs() {
  const { t } = useTranslation('admin');
  const { admin } = useStaffRights();
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="tabs">
        <li>
          <NavLink to="/admin" end>
            {t('nav.overview')}
          </NavLink>
        </li>
        {ADMIN_SECTIONS.filter((s) => admin || !s.adminOnly).map((s) => (
          <li key={s.path}>
            <NavLink to={`/admin/${s.path}`}>{t(`nav.${s.path}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AdminNotFound() {
  const { t } = useTranslation('admin');
  return (
    <>
      <PageTitle>{t('not_found.title')}</PageTitle>
      <p>{t('not_found.detail')}</p>
    </>
  );
}

/** The administration area (`/admin/*`, admin and secretariat): tabs and the pages of each section. */
export default function AdminArea() {
  return (
    <div className="admin-area">
      <AdminTabs />
      <Routes>
        <Route index element={<AdminDashboard />} />
        <Route path="cities" element={<CitiesAdminPage />} />
        <Route path="cities/new" element={<CityCreatePage />} />
        <Route path="cities/:slug" element={<CityEditPage />} />
        <Route path="networks" element={<NetworksAdminPage />} />
        <Route path="networks/new" element={<NetworkCreatePage />} />
        <Route path="networks/:slug" element={<NetworkEditPage />} />
        <Route path="organisations/*" element={<OrganisationsAdminArea />} />
        <Route path="memberships" element={<MembershipsPage />} />
        <Route path="memberships/new" element={<MembershipCreatePage />} />
        <Route path="memberships/:id" element={<MembershipEditPage />} />
        <Route path="events/*" element={<EventsAdminArea />} />
        <Route path="data-quality" element={<DataQualityPage />} />
        <Route path="imports" element={<ImportPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/new" element={<UserCreatePage />} />
        <Route path="users/:id" element={<UserEditPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="api-keys/:id/usage" element={<ApiKeyUsagePage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="*" element={<AdminNotFound />} />
      </Routes>
    </div>
  );
}
