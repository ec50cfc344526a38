import { useTranslation } from 'react-i18next';

/** A status of a cycle, nomination, evaluation or round, in words (never colour alone). */
export function StatusBadge({ kind, status }: { kind: 'cycle' | 'nomination' | 'evaluation' | 'round'; status: string }) {
  const { t, i18n } = useTranslation('manage');
  const key = `status.${kind}.${status}`;
  return <span className={`badge status-${status}`}>{i18n.exists(`manage:${key}`) ? t(key) : status}</span>;
}
