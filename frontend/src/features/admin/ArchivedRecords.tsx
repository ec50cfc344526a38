import { useState } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useDateTime } from './shared';
import { adminKeys, adminQueries } from './api';

type AuditEntry = components['schemas']['AuditEntry'];

interface Props {
  /** The audit log's name for the kind of record: `network` or `membership`. */
  entity: string;
  /** How to name an archived record (from the audit entry's copy of it). */
  describe(record: unknown): string;
  /** Restores it: `POST .../restore`. */
  restore(record: unknown): Promise<unknown>;
  /** Lists to refresh after a restore. */
  invalidate: QueryKey[];
}

/** The entries of the records of one kind whose last archive or restore was an archive. */
function stillArchived(archives: AuditEntry[], restores: AuditEntry[]): AuditEntry[] {
  const restoredAt = new Map<string, string>();
  for (const r of restores) {
    const seen = restoredAt.get(r.entity_id);
    if (!seen || r.at > seen) restoredAt.set(r.entity_id, r.at);
  }
  const latest = new Map<string, AuditEntry>();
  for (const a of archives) {
    const seen = latest.get(a.entity_id);
    if (!seen || a.at > seen.at) latest.set(a.entity_id, a);
  }
  return [...latest.values()].filter((a) => {
    const restored = restoredAt.get(a.entity_id);
    return !restored || restored < a.at;
  });
}

/**
 * Archived records of one kind, found in the audit log (the API lists archived cities, but not
 * archived networks or memberships), each with a restore button. Admin only: the audit log and
 * restoring are both admin rights.
 */
export function ArchivedRecords({ entity, describe, restore, invalidate }: Props) {
  const { t } = useTranslation('admin');
  const dateTime = useDateTime();
  const queryClient = useQueryClient();
  const [restored, setRestored] = useState<string | null>(null);
  const query = useQuery({
    ...adminQueries.archived(entity),
    select: ({ archives, restores }) => stillArchived(archives, restores),
  });
  const run = useMutation({
    mutationFn: (entry: AuditEntry) => restore(entry.after),
    onSuccess: (_, entry) => {
      setRestored(describe(entry.after));
      void queryClient.invalidateQueries({ queryKey: adminKeys.archived(entity) });
      for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <>
      <p role="status" className={restored ? 'alert alert-ok' : 'visually-hidden'}>
        {restored ? t('archived.restored', { name: restored }) : ''}
      </p>
      <ProblemAlert error={run.error} />
      <DataState query={query}>
        {(entries) =>
          entries.length === 0 ? (
            <p>{t('archived.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{t('archived.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('archived.col.record')}</th>
                    <th scope="col">{t('archived.col.at')}</th>
                    <th scope="col">{t('archived.col.by')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.id}>
                      <th scope="row">{describe(entry.after)}</th>
                      <td>{dateTime(entry.at)}</td>
                      <td>{entry.actor}</td>
                      <td>
                        <button
                          type="button"
                          disabled={run.isPending}
                          aria-label={t('archived.restore_named', { name: describe(entry.after) })}
                          onClick={() => run.mutate(entry)}
                        >
                          {t('restore')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </DataState>
      <p className="muted">{t('archived.from_audit')}</p>
    </>
  );
}
