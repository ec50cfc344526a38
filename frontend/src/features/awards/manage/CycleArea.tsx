import { useQuery } from '@tanstack/react-query';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { AreaNotFound } from '@/components/AreaNotFound';
import { awardsQueries } from '@/features/awards/api';
import { idParam } from '@/lib/choices';
import { EditCycle } from './EditCycle';
import type { Cycle, Versioned } from './model';
import { CycleNominations } from './CycleNominations';
import { CycleOverview } from './CycleOverview';

type View = 'overview' | 'edit' | 'nominations';

/** The title of one cycle's view and the tabs under it. */
function CycleHeader({ cycle, view }: { cycle: Cycle; view: View }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const base = `/manage/awards/cycles/${cycle.id}`;
  return (
    <>
      <p>
        <NavLink to="/manage/awards">{t('awards.back')}</NavLink>
      </p>
      <PageTitle>{t(`cycle.page_${view}`, { title: text(cycle.title) })}</PageTitle>
      <nav aria-label={t('cycle.tabs')}>
        <ul className="tabs">
          <li>
            <NavLink to={base} end>
              {t('cycle.tab_overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/edit`}>{t('cycle.tab_edit')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/nominations`}>{t('cycle.tab_nominations')}</NavLink>
          </li>
        </ul>
      </nav>
    </>
  );
}

/** Props of the views of one cycle. */
export interface CycleViewProps {
  cycle: Versioned<Cycle>;
  /** Fetches the current version of the cycle (after a 412, for example). */
  reload(): Promise<void>;
}

/** One cycle of a programme, drafts included: overview and stage, edit, nominations. */
export function CycleArea() {
  const { t } = useTranslation('manage');
  const id = idParam(useParams().id);
  const query = useQuery({ ...awardsQueries.versionedCycle(id ?? 0), enabled: id !== undefined });
  if (id === undefined || query.error) {
    return (
      <>
        <PageTitle>{t('cycle.fallback_title')}</PageTitle>
        {query.error ? <ProblemAlert error={query.error} /> : <p>{t('cycle.not_found')}</p>}
        <p>
          <NavLink to="/manage/awards">{t('awards.back')}</NavLink>
        </p>
      </>
    );
  }
  if (!query.data) {
    return (
      <p className="loading" role="status">
        {t('loading', { ns: 'common' })}
      </p>
    );
  }
  const cycle = query.data;
  const reload = async () => {
    await query.refetch();
  };
  const view = (name: View) => (
    <>
      <CycleHeader cycle={cycle.data} view={name} />
      {name === 'overview' && <CycleOverview cycle={cycle} reload={reload} />}
      {name === 'edit' && <EditCycle id={cycle.data.id} />}
      {name === 'nominations' && <CycleNominations cycle={cycle} reload={reload} />}
    </>
  );
  return (
    <Routes>
      <Route index element={view('overview')} />
      <Route path="edit" element={view('edit')} />
      <Route path="nominations" element={view('nominations')} />
      <Route path="*" element={<AreaNotFound back="/manage/awards" />} />
    </Routes>
  );
}
