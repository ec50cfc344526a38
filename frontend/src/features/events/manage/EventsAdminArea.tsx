import { Route, Routes } from 'react-router';
import { AreaNotFound } from '@/components/AreaNotFound';
import { EventCreatePage } from './EventCreatePage';
import { EventEditPage } from './EventEditPage';
import { EventsAdminPage } from './EventsAdminPage';
import '@/components/manage.css';

/** The events in the administration (`/admin/events/*`, admin and secretariat): the list and proposals, a new event, an event's editor. */
export default function EventsAdminArea() {
  return (
    <Routes>
      <Route index element={<EventsAdminPage />} />
      <Route path="new" element={<EventCreatePage base="/admin/events" />} />
      <Route path=":slug" element={<EventEditPage base="/admin/events" staff />} />
      <Route path="*" element={<AreaNotFound back="/admin/events" />} />
    </Routes>
  );
}
