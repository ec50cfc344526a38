import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

/** An evaluation's status as a word (never by colour alone). */
export function StatusBadge({ status }: { status: components['schemas']['EvaluationStatus'] }) {
  const { t } = useTranslation('evaluate');
  return <span className={`badge evaluation-status evaluation-status-${status}`}>{t(`status.${status}`)}</span>;
}
