import { Route, Routes } from 'react-router';
import NotFoundPage from '@/components/NotFoundPage';
import { AssignmentsPage } from './AssignmentsPage';
import { ScoringPage } from './ScoringPage';

/** The evaluator's workspace: the assignments (`/evaluate`) and the scoring form of one (`/evaluate/:id`). */
export default function EvaluatorArea() {
  return (
    <Routes>
      <Route index element={<AssignmentsPage />} />
      <Route path=":id" element={<ScoringPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
