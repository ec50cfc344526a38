import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type Status = components['schemas']['CycleStatus'];

/** A cycle's stage in words (never by colour alone). */
export function CycleStatus({ status }: { status: Status }) {
  const { t } = useTranslation('awards');
  return <span className="badge">{t(`status.${status}`)}</span>;
}
