import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { RequireRole } from './components/RequireRole';

// Every page is a chunk of its own, loaded when first visited; the staff areas bring their own
// sub-routes.
const HomePage = lazy(() => import('./features/home/HomePage'));
const CitiesPage = lazy(() => import('./features/cities/CitiesPage'));
const CityPage = lazy(() => import('./features/cities/CityPage'));
const NetworksPage = lazy(() => import('./features/networks/NetworksPage'));
const NetworkPage = lazy(() => import('./features/networks/NetworkPage'));
const AwardsPage = lazy(() => import('./features/awards/AwardsPage'));
const ProgrammePage = lazy(() => import('./features/awards/ProgrammePage'));
const CyclePage = lazy(() => import('./features/awards/CyclePage'));
const OrganisationsPage = lazy(() => import('./features/organisations/OrganisationsPage'));
const OrganisationPage = lazy(() => import('./features/organisations/OrganisationPage'));
const EventsPage = lazy(() => import('./features/events/EventsPage'));
const EventPage = lazy(() => import('./features/events/EventPage'));
const ResultsPage = lazy(() => import('./features/evaluations/results/ResultsPage'));
const DataPage = lazy(() => import('./features/data/DataPage'));
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const AdminArea = lazy(() => import('./features/admin/AdminArea'));
const ManageAwardsArea = lazy(() => import('./features/awards/manage/ManageAwardsArea'));
const ManageEvaluationsArea = lazy(() => import('./features/evaluations/manage/ManageEvaluationsArea'));
const EvaluatorArea = lazy(() => import('./features/evaluations/scoring/EvaluatorArea'));
const EditorArea = lazy(() => import('./features/awards/nominate/EditorArea'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage'));

/** The routes of the app. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="cities" element={<CitiesPage />} />
        <Route path="cities/:slug" element={<CityPage />} />
        <Route path="networks" element={<NetworksPage />} />
        <Route path="networks/:slug" element={<NetworkPage />} />
        <Route path="awards" element={<AwardsPage />} />
        <Route path="awards/cycles/:id" element={<CyclePage />} />
        <Route path="awards/:slug" element={<ProgrammePage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="organisations/:slug" element={<OrganisationPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/:slug" element={<EventPage />} />
        <Route path="results" element={<ResultsPage />} />
        <Route path="data" element={<DataPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route
          path="admin/*"
          element={
            <RequireRole roles={['admin', 'secretariat']}>
              <AdminArea />
            </RequireRole>
          }
        />
        <Route
          path="manage/awards/*"
          element={
            <RequireRole roles={['admin', 'secretariat']}>
              <ManageAwardsArea />
            </RequireRole>
          }
        />
        <Route
          path="manage/evaluations/*"
          element={
            <RequireRole roles={['admin', 'secretariat']}>
              <ManageEvaluationsArea />
            </RequireRole>
          }
        />
        <Route
          path="evaluate/*"
          element={
            <RequireRole roles={['evaluator']}>
              <EvaluatorArea />
            </RequireRole>
          }
        />
        <Route
          path="my-city/*"
          element={
            <RequireRole roles={['city_editor']}>
              <EditorArea />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
