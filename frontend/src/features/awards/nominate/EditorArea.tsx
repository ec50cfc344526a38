import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/auth/AuthProvider';
import { PageTitle } from '@/components/PageTitle';
import NotFoundPage from '@/components/NotFoundPage';
import { CityEventsArea } from '@/features/events';
import { EditCityPage } from './EditCityPage';
import { MyCityPage } from './MyCityPage';
import { NominatePage } from './NominatePage';
import { NominationsPage } from './NominationsPage';
import './nominate.css';

/**
 * The city editor's workspace (`/my-city`): the city they keep, its profile form, its award
 * nominations, and the events proposed for it. The city is the one set on the account (`user.city`).
 */
export default function EditorArea() {
  const { t } = useTranslation('editor');
  const { user } = useAuth();
  const city = user?.city;
  if (!city) {
    return (
      <section>
        <PageTitle>{t('area.title')}</PageTitle>
        <div role="alert" className="alert alert-warning">
          <p className="alert-title">{t('area.no_city_title')}</p>
          <p>{t('area.no_city')}</p>
        </div>
      </section>
    );
  }
  return (
    <>
      <nav aria-label={t('area.nav')}>
        <ul className="tabs">
          <li>
            <NavLink to="/my-city" end>
              {t('area.tab_city')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/my-city/edit">{t('area.tab_edit')}</NavLink>
          </li>
          <li>
            <NavLink to="/my-city/nominations">{t('area.tab_nominations')}</NavLink>
          </li>
          <li>
            <NavLink to="/my-city/events">{t('area.tab_events')}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<MyCityPage slug={city} />} />
        <Route path="edit" element={<EditCityPage slug={city} />} />
        <Route path="nominations" element={<NominationsPage slug={city} />} />
        <Route path="nominations/new" element={<NominatePage slug={city} />} />
        <Route path="events/*" element={<CityEventsArea city={city} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
