/**
 * Safe edits of one record, done once for every editor of the app.
 *
 * The record is loaded with its `ETag`; every `PATCH` and `DELETE` sends it back as `If-Match`.
 * When the API answers 412 (someone else changed the record since it was opened), nothing of the
 * user's input is lost: the current version is fetched, the fields that differ are shown (field,
 * current value, the user's value), and the user either re-applies their changes on top of the
 * current version (a new `PATCH` with the new ETag and only the fields they changed) or discards
 * them and continues from the current version.
 *
 * Usage:
 * ```tsx
 * const edit = useSafeEdit({
 *   queryKey: networksKeys.detail(slug),
 *   load: () => adminApi.loadNetwork(slug),
 *   save: (patch, etag) => adminApi.saveNetwork(slug, patch, etag),
 *   toValues: (network) => ({ 'name.en': network.name.en, website: network.website ?? '' }),
 *   toPatch: (changes) => ({ ...(changes.website !== undefined && { website: changes.website || null }) }),
 * });
 * return (
 *   <DataState query={edit.state}>
 *     {({ values }) => (
 *       <form onSubmit={(e) => { e.preventDefault(); void edit.save(); }}>
 *         <StaleEditNotice edit={edit} label={(field) => t(`fields.${field}`)} />
 *         <TextField name="website" label="Website" problem={edit.problem}
 *           value={values.website} onChange={(e) => edit.setValue('website', e.target.value)} />
 *         <button type="submit" disabled={!edit.dirty || edit.saving}>Save</button>
 *       </form>
 *     )}
 *   </DataState>
 * );
 * ```
 * Form values are flat (`'name.en'`, `website`), strings or booleans, named like the API's field
 * paths so that `problem` (a 422) marks the right inputs.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Answer } from '@/api/client';
import { isStaleEdit } from '@/api/problem';
import { ProblemAlert } from '@/components/ProblemAlert';

/** The value of one form field: text (numbers and dates as typed) or a checkbox. */
export type FieldValue = string | boolean;
/** A form's values by field name (the API's field path, such as `name.en`). */
export type FormValues = Record<string, FieldValue>;

/** How to load, show and save one record. */
export interface SafeEditOptions<T, V extends FormValues, P> {
  /**
   * The record's cache key, such as `citiesKeys.detail(slug)`. The editor keeps its own copy (with the
   * ETag) under `['safe-edit', ...queryKey]` and invalidates `queryKey` after every write.
   */
  queryKey: QueryKey;
  /** Loads the record with its ETag, such as `() => adminApi.loadCity(slug)`. */
  load: () => Promise<Answer<T>>;
  /** Sends a merge patch with `If-Match: etag` and answers the updated record with its new ETag. */
  save: (patch: P, etag: string | null) => Promise<Answer<T>>;
  /** The form values of a record. */
  toValues: (record: T) => V;
  /** The merge patch for `changes`: only the fields the user changed, as the form holds them. */
  toPatch: (changes: Partial<V>, record: T) => P;
  /** Further cache keys to invalidate after a write (lists that show the record). */
  invalidate?: QueryKey[];
  /** Called with the saved record after every successful save or re-apply. */
  onSaved?: (record: T) => void;
}

/** One field of a conflict: its value when the user opened the record, now, and in the form. */
export interface FieldDiff<V extends FormValues> {
  field: keyof V & string;
  opened: FieldValue;
  current: FieldValue;
  yours: FieldValue;
}

/** A 412 answer being resolved. */
export interface StaleConflict<T, V extends FormValues> {
  /** Whether a save or a delete (archive, deactivate) was refused. */
  kind: 'save' | 'delete';
  /** The version now on the server, once fetched. */
  current?: Answer<T>;
  /** Why the current version could not be fetched (for example: archived meanwhile). */
  loadError?: unknown;
  /** Fields the user changed whose current value differs from theirs. */
  differing: FieldDiff<V>[];
  /** Fields someone else changed that the user did not touch. */
  theirs: FieldDiff<V>[];
}

/** What the last write produced, for a polite status line. */
export type SafeEditNotice = 'saved' | 'reapplied' | 'discarded' | 'reloaded' | null;

/** The loaded record, its ETag and the form's values (the record's, overlaid with the user's edits). */
export interface SafeEditData<T, V extends FormValues> {
  record: T;
  etag: string | null;
  values: V;
}

/** The state and actions of {@link useSafeEdit}. */
export interface SafeEdit<T, V extends FormValues> {
  /** For `<DataState query={edit.state}>`: loading, the load problem, or the loaded data. */
  state: { data: SafeEditData<T, V> | undefined; error: unknown; isPending: boolean };
  /** The version the form is based on. */
  record: T | undefined;
  /** The ETag sent as `If-Match`. */
  etag: string | null;
  /** The form's values (empty until loaded). */
  values: Partial<V>;
  setValue<K extends keyof V & string>(field: K, value: V[K]): void;
  /** The fields whose value differs from the version the form is based on. */
  changedFields: (keyof V & string)[];
  dirty: boolean;
  /**
   * Sends the changed fields as a merge patch with `If-Match`. `also` sets further values first
   * (for one-click actions such as "Reactivate": `edit.save({ active: true })`); they stay in the
   * form if the save is refused.
   */
  save(also?: Partial<V>): Promise<void>;
  saving: boolean;
  /** The last problem of a write other than a 412 (422 field errors included): pass it to the fields. */
  problem: unknown;
  notice: SafeEditNotice;
  conflict: StaleConflict<T, V> | null;
  /** Re-applies the user's changes on top of the current version (a new PATCH with the new ETag). */
  reapply(): Promise<void>;
  /** Drops the user's changes and continues from the current version (fetched again). */
  discard(): Promise<void>;
  /**
   * Runs a delete (archive, deactivate) with `If-Match`: `edit.remove((etag) => unwrap(api.DELETE(...)), done)`.
   * On a 412 the conflict (kind `delete`) shows what changed; the user may then delete the
   * current version or keep it. `done` runs after a successful delete.
   */
  remove(run: (etag: string | null) => Promise<unknown>, done?: () => void): Promise<void>;
  /** Deletes the current version after a delete conflict. */
  removeCurrent(): Promise<void>;
  /** Ends a delete conflict and continues editing from the current version (the user's edits kept). */
  keepCurrent(): void;
}

function diff<V extends FormValues>(opened: V, current: V, yours: V, fields: (keyof V & string)[]): FieldDiff<V>[] {
  return fields.map((field) => ({
    field,
    opened: opened[field] as FieldValue,
    current: current[field] as FieldValue,
    yours: yours[field] as FieldValue,
  }));
}

/**
 * Loads a record with its ETag and edits it safely (see the module comment). The form keeps only
 * the fields the user touched, over the record's values, so a newer version shows through in
 * every untouched field.
 */
export function useSafeEdit<T, V extends FormValues, P>(options: SafeEditOptions<T, V, P>): SafeEdit<T, V> {
  const queryClient = useQueryClient();
  const { queryKey, load, save, toValues, toPatch, invalidate, onSaved } = options;
  const query = useQuery({
    queryKey: ['safe-edit', ...queryKey],
    queryFn: load,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const [override, setOverride] = useState<Answer<T> | null>(null);
  const [draft, setDraft] = useState<Partial<V>>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState<SafeEditNotice>(null);
  const [conflict, setConflict] = useState<StaleConflict<T, V> | null>(null);
  const pendingRemove = useRef<{ run: (etag: string | null) => Promise<unknown>; done?: () => void } | null>(null);

  const base = override ?? query.data;
  const baseValues = useMemo(() => (base ? toValues(base.data) : undefined), [base, toValues]);
  const values = useMemo(() => (baseValues ? { ...baseValues, ...draft } : undefined), [baseValues, draft]);
  const changedFields = useMemo(
    () =>
      baseValues ? (Object.keys(draft) as (keyof V & string)[]).filter((field) => draft[field] !== baseValues[field]) : [],
    [draft, baseValues],
  );
  const changes = useMemo(() => {
    const picked: Partial<V> = {};
    for (const field of changedFields) picked[field] = draft[field];
    return picked;
  }, [changedFields, draft]);

  const refreshCaches = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey });
    for (const key of invalidate ?? []) void queryClient.invalidateQueries({ queryKey: key });
  }, [queryClient, queryKey, invalidate]);

  const openConflict = useCallback(
    async (kind: 'save' | 'delete') => {
      setConflict({ kind, differing: [], theirs: [] });
      if (!baseValues || !values) return;
      try {
        const current = await load();
        const currentValues = toValues(current.data);
        const fields = Object.keys(currentValues) as (keyof V & string)[];
        const mine = new Set(changedFields);
        const differing = diff(baseValues, currentValues, values, changedFields.filter((f) => currentValues[f] !== values[f]));
        const theirs = diff(
          baseValues,
          currentValues,
          values,
          fields.filter((f) => !mine.has(f) && currentValues[f] !== baseValues[f]),
        );
        setConflict({ kind, current, differing, theirs });
      } catch (loadError) {
        setConflict({ kind, loadError, differing: [], theirs: [] });
      }
    },
    [baseValues, values, changedFields, load, toValues],
  );

  const write = useCallback(
    async (on: Answer<T>, success: SafeEditNotice, also: Partial<V> = {}) => {
      setSaving(true);
      setProblem(null);
      setNotice(null);
      try {
        const saved = await save(toPatch({ ...changes, ...also }, on.data), on.etag);
        setOverride(saved);
        setDraft({});
        setConflict(null);
        setNotice(success);
        refreshCaches();
        onSaved?.(saved.data);
      } catch (error) {
        if (isStaleEdit(error)) await openConflict('save');
        else setProblem(error);
      } finally {
        setSaving(false);
      }
    },
    [save, toPatch, changes, refreshCaches, onSaved, openConflict],
  );

  const saveNow = useCallback(
    async (also?: Partial<V>) => {
      if (!base) return;
      if (also) setDraft((d) => ({ ...d, ...also }));
      await write(base, 'saved', also);
    },
    [base, write],
  );

  const reapply = useCallback(async () => {
    if (!conflict?.current) {
      if (conflict) await openConflict(conflict.kind);
      return;
    }
    await write(conflict.current, 'reapplied');
  }, [conflict, write, openConflict]);

  const discard = useCallback(async () => {
    setProblem(null);
    setNotice(null);
    try {
      const fresh = await load();
      setOverride(fresh);
      setDraft({});
      setConflict(null);
      setNotice('discarded');
    } catch (error) {
      setProblem(error);
    }
  }, [load]);

  const runRemove = useCallback(
    async (etag: string | null) => {
      const pending = pendingRemove.current;
      if (!pending) return;
      setSaving(true);
      setProblem(null);
      setNotice(null);
      try {
        await pending.run(etag);
        pendingRemove.current = null;
        setConflict(null);
        refreshCaches();
        pending.done?.();
      } catch (error) {
        if (isStaleEdit(error)) await openConflict('delete');
        else setProblem(error);
      } finally {
        setSaving(false);
      }
    },
    [refreshCaches, openConflict],
  );

  const remove = useCallback(
    async (run: (etag: string | null) => Promise<unknown>, done?: () => void) => {
      pendingRemove.current = { run, done };
      await runRemove(base?.etag ?? null);
    },
    [base, runRemove],
  );

  const removeCurrent = useCallback(async () => {
    if (conflict?.current) await runRemove(conflict.current.etag);
  }, [conflict, runRemove]);

  const keepCurrent = useCallback(() => {
    if (conflict?.current) {
      setOverride(conflict.current);
      setNotice('reloaded');
    }
    pendingRemove.current = null;
    setConflict(null);
  }, [conflict]);

  const setValue = useCallback(<K extends keyof V & string>(field: K, value: V[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setNotice(null);
  }, []);

  const dirty = changedFields.length > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return {
    state: {
      data: base && values ? { record: base.data, etag: base.etag, values } : undefined,
      error: query.error,
      isPending: query.isPending && !override,
    },
    record: base?.data,
    etag: base?.etag ?? null,
    values: values ?? {},
    setValue,
    changedFields,
    dirty,
    save: saveNow,
    saving,
    problem,
    notice,
    conflict,
    reapply,
    discard,
    remove,
    removeCurrent,
    keepCurrent,
  };
}

interface NoticeProps<T, V extends FormValues> {
  edit: SafeEdit<T, V>;
  /** The visible label of a field, as on the form. */
  label: (field: keyof V & string) => string;
  /** How to show a value (default: the text, "empty", yes / no). Use it to hide passwords. */
  format?: (field: keyof V & string, value: FieldValue) => string;
  /** The name of the delete action for a delete conflict, such as "Archive the current version". */
  removeLabel?: string;
  /** Show `edit.problem` here too (default true; turn off if the form shows it elsewhere). */
  showProblem?: boolean;
}

/**
 * Shows what the last write of a {@link useSafeEdit} produced: the status line (saved, re-applied,
 * discarded), the problem of a failed write and, after a 412, the conflict with its choices. Focus
 * moves to the conflict when it appears, so keyboard and screen-reader users meet it first.
 */
export function StaleEditNotice<T, V extends FormValues>({
  edit,
  label,
  format,
  removeLabel,
  showProblem = true,
}: NoticeProps<T, V>) {
  const { t } = useTranslation('forms');
  const box = useRef<HTMLDivElement>(null);
  const { conflict } = edit;
  const loaded = conflict?.current !== undefined || conflict?.loadError !== undefined;
  useEffect(() => {
    if (conflict && loaded) box.current?.focus();
  }, [conflict, loaded]);

  const show = (field: keyof V & string, value: FieldValue) => {
    if (format) return format(field, value);
    if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
    return value === '' ? t('value.empty') : value;
  };

  return (
    <>
      <p role="status" className={edit.notice ? 'alert alert-ok' : 'visually-hidden'}>
        {edit.notice ? t(`status.${edit.notice}`) : ''}
      </p>
      {showProblem && <ProblemAlert error={edit.problem} />}
      {conflict && (
        <div className="alert alert-warning stale-edit" role="alert" tabIndex={-1} ref={box}>
          <p className="alert-title">{t('stale.title')}</p>
          <p>{conflict.kind === 'save' ? t('stale.save_detail') : t('stale.delete_detail')}</p>
          {!loaded && <p className="loading">{t('stale.loading_current')}</p>}
          {conflict.loadError !== undefined && (
            <>
              <p>{t('stale.load_failed')}</p>
              <ProblemAlert error={conflict.loadError} />
              <div className="actions">
                <button type="button" onClick={() => void edit.reapply()}>
                  {t('stale.retry_load')}
                </button>
              </div>
            </>
          )}
          {conflict.current && (
            <>
              {conflict.differing.length > 0 && (
                <DiffTable caption={t('stale.differing_caption')} rows={conflict.differing} label={label} show={show} mine />
              )}
              {conflict.kind === 'save' && conflict.differing.length === 0 && <p>{t('stale.no_differences')}</p>}
              {conflict.theirs.length > 0 && (
                <DiffTable
                  caption={conflict.kind === 'save' ? t('stale.theirs_caption') : t('stale.changed_caption')}
                  rows={conflict.theirs}
                  label={label}
                  show={show}
                />
              )}
              <div className="actions">
                {conflict.kind === 'save' ? (
                  <>
                    <button type="button" className="primary" disabled={edit.saving} onClick={() => void edit.reapply()}>
                      {t('stale.reapply')}
                    </button>
                    <button type="button" disabled={edit.saving} onClick={() => void edit.discard()}>
                      {t('stale.discard')}
                    </button>
                  </>
                ) : (
                  <>
                    <button type="button" className="danger" disabled={edit.saving} onClick={() => void edit.removeCurrent()}>
                      {removeLabel ?? t('stale.remove_current')}
                    </button>
                    <button type="button" disabled={edit.saving} onClick={edit.keepCurrent}>
                      {t('stale.keep_current')}
                    </button>
                  </>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </>
  );
}

function DiffTable<V extends FormValues>({
  caption,
  rows,
  label,
  show,
  mine = false,
}: {
  caption: string;
  rows: FieldDiff<V>[];
  label: (field: keyof V & string) => string;
  show: (field: keyof V & string, value: FieldValue) => string;
  mine?: boolean;
}) {
  const { t } = useTranslation('forms');
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stale.field')}</th>
            {!mine && <th scope="col">{t('stale.opened')}</th>}
            <th scope="col">{t('stale.current')}</th>
            {mine && <th scope="col">{t('stale.yours')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{label(row.field)}</th>
              {!mine && <td>{show(row.field, row.opened)}</td>}
              <td>{show(row.field, row.current)}</td>
              {mine && <td>{show(row.field, row.yours)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
