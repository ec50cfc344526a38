import { Route, Routes } from 'react-router';
import { AreaNotFound } from '@/components/AreaNotFound';
import { OrganisationCreatePage } from './OrganisationCreatePage';
import { OrganisationEditPage } from './OrganisationEditPage';
import { OrganisationsAdminPage } from './OrganisationsAdminPage';
import '@/components/manage.css';

/** The organisations in the administration (`/admin/organisations/*`, admin and secretariat): the list, a new organisation, an organisation's editor. */
export default function OrganisationsAdminArea() {
  return (
    <Routes>
      <Route index element={<OrganisationsAdminPage />} />
      <Route path="new" element={<OrganisationCreatePage />} />
      <Route path=":slug" element={<OrganisationEditPage />} />
      <Route path="*" element={<AreaNotFound back="/admin/organisations" />} />
    </Routes>
  );
}
