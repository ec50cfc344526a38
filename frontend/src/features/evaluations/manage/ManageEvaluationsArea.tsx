import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AreaNotFound } from '@/components/AreaNotFound';
import AssignPage from './AssignPage';
import ConflictsPage from './ConflictsPage';
import EvaluationsPage from './EvaluationsPage';
import FrameworkPage from './FrameworkPage';
import FrameworksPage from './FrameworksPage';
import RoundsPage from './RoundsPage';
import '@/components/manage.css';

/** The sections of the evaluation management. */
function AreaNav() {
  const { t } = useTranslation('manage');
  const base = '/manage/evaluations';
  return (
    <nav aria-label={t('area.evaluations_nav')}>
      <ul className="tabs">
        <li>
          <NavLink to={base} end>
            {t('area.evaluations')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/assign`}>{t('area.assign')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/conflicts`}>{t('area.conflicts')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/rounds`}>{t('area.rounds')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/frameworks`}>{t('area.frameworks')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/**
 * The secretariat's organisation of evaluations (admin and secretariat): evaluations and their
 * steps, assignments, conflicts of interest, monitoring rounds, frameworks, and publication.
 */
export default function ManageEvaluationsArea() {
  return (
    <>
      <AreaNav />
      <Routes>
        <Route index element={<EvaluationsPage />} />
        <Route path="assign" element={<AssignPage />} />
        <Route path="conflicts" element={<ConflictsPage />} />
        <Route path="rounds" element={<RoundsPage />} />
        <Route path="frameworks" element={<FrameworksPage />} />
        <Route path="frameworks/:slug" element={<FrameworkPage />} />
        <Route path="*" element={<AreaNotFound back="/manage/evaluations" />} />
      </Routes>
    </>
  );
}
