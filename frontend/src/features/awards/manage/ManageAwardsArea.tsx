import { Route, Routes } from 'react-router';
import { AreaNotFound } from '@/components/AreaNotFound';
import { CycleArea } from './CycleArea';
import CyclesPage from './CyclesPage';
import NewCyclePage from './NewCyclePage';
import '@/components/manage.css';

/**
 * The secretariat's management of award cycles (admin and secretariat): the programmes and their
 * cycles (drafts included), a new cycle, and per cycle its stage, texts and nominations.
 */
export default function ManageAwardsArea() {
  return (
    <Routes>
      <Route index element={<CyclesPage />} />
      <Route path="new" element={<NewCyclePage />} />
      <Route path="cycles/:id/*" element={<CycleArea />} />
      <Route path="*" element={<AreaNotFound back="/manage/awards" />} />
    </Routes>
  );
}
