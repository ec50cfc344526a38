import { Route, Routes } from 'react-router';
import { AreaNotFound } from '@/components/AreaNotFound';
import { CityProposalsPage } from './CityProposalsPage';
import { EventCreatePage } from './EventCreatePage';
import { EventEditPage } from './EventEditPage';
import '@/components/manage.css';
import '../events.css';

/**
 * A city editor's events (`/my-city/events/*`): their city's proposals, a new proposal (which
 * names their city), and the editor of a proposal not yet published.
 */
export default function CityEventsArea({ city }: { city: string }) {
  return (
    <div className="city-editor">
      <Routes>
        <Route index element={<CityProposalsPage city={city} />} />
        <Route path="new" element={<EventCreatePage base="/my-city/events" city={city} />} />
        <Route path=":slug" element={<EventEditPage base="/my-city/events" staff={false} />} />
        <Route path="*" element={<AreaNotFound back="/my-city/events" />} />
      </Routes>
    </div>
  );
}
