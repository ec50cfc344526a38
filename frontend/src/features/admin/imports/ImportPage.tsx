import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { citiesKeys } from '@/features/cities';
import { networksKeys, networksQueries } from '@/features/networks';
import { adminKeys } from '@/features/admin/api';
import { useStaffRights } from '@/features/admin/shared';
import {
  ENCODINGS,
  NETWORK_KINDS,
  importQueries,
  isWorkbook,
  sendImport,
  templateHref,
  type Encoding,
  type ImportKind,
  type ImportKindInfo,
  type ImportOutcome,
  type ImportReport,
} from './api';
import { ImportReportView } from './ImportReportView';

/** What the form sends: the kind, the file, its encoding and the network for the whole file. */
interface Choices {
  kind: ImportKind;
  file: File | null;
  encoding: Encoding;
  network: string;
}

/** Whether two choices send the same request (the network counts only for kinds with one, the encoding only for CSV). */
function sameRequest(a: Choices, b: Choices): boolean {
  if (a.kind !== b.kind || a.file !== b.file) return false;
  if (NETWORK_KINDS.includes(a.kind) && a.network !== b.network) return false;
  return (a.file !== null && isWorkbook(a.file)) || a.encoding === b.encoding;
}

/** A preview: the report of the dry run and the choices it ran with. */
interface Preview extends ImportOutcome {
  choices: Choices;
}

/** The import's own problems (the file cannot be read, wrong columns, too large) with a hint; others as usual. */
function ImportProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('imports');
  if (!error) return null;
  if (!(error instanceof ApiProblem) || !i18n.exists(`imports:problems.${error.code}.title`)) return <ProblemAlert error={error} />;
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{t(`problems.${error.code}.title`)}</p>
      {error.errors.length > 0 ? (
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : (
        error.detail && <p className="alert-detail">{error.detail}</p>
      )}
      <p>{t(`problems.${error.code}.hint`)}</p>
    </div>
  );
}

/** What a kind imports, how its rows find their record, its template and its columns. */
function KindHelp({ info }: { info: ImportKindInfo }) {
  const { t } = useTranslation('imports');
  return (
    <div className="import-kind">
      <p>{t(`kinds.${info.kind}.description`, { defaultValue: info.description })}</p>
      <p>
        <strong>{t('form.matching')}</strong> {t(`kinds.${info.kind}.matching`, { defaultValue: info.matching })}
      </p>
      <p>
        <a href={templateHref(info.template)} download={`${info.kind}-template.csv`}>
          {t('form.template')}
        </a>{' '}
        <span className="muted">{t('form.template_hint')}</span>
      </p>
      <details>
        <summary>{t('form.columns', { count: info.columns.length })}</summary>
        <div className="table-wrap">
          <table className="data import-columns">
            <caption className="visually-hidden">{t('form.columns_caption', { kind: t(`kinds.${info.kind}.name`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.use')}</th>
                <th scope="col">{t('columns.type')}</th>
                <th scope="col">{t('columns.description')}</th>
              </tr>
            </thead>
            <tbody>
              {info.columns.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                  </th>
                  <td>{t(`columns.uses.${c.use}`, { defaultValue: c.use })}</td>
                  <td>{t(`columns.types.${c.type}`, { defaultValue: c.type })}</td>
                  <td>{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

/** Why Apply is disabled, or what it will do. */
function applyState(preview: Preview, stale: boolean): { ready: boolean; note: string; count: number } {
  const { summary } = preview.report;
  const count = summary.create + summary.update;
  if (stale) return { ready: false, note: 'apply.stale', count };
  if (preview.refused || summary.error > 0) return { ready: false, note: 'apply.has_errors', count };
  if (count === 0) return { ready: false, note: 'apply.nothing', count };
  return { ready: true, note: 'apply.ready', count };
}

/** The form and its reports, once the kinds are known. */
function ImportForm({ kinds }: { kinds: ImportKindInfo[] }) {
  const { t } = useTranslation('imports');
  const { text } = useLocalized();
  const { admin } = useStaffRights();
  const queryClient = useQueryClient();
  const ids = useId();
  const [choices, setChoices] = useState<Choices>({
    kind: kinds[0]?.kind ?? 'cities',
    file: null,
    encoding: 'utf-8',
    network: '',
  });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [applied, setApplied] = useState<ImportReport | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const info = kinds.find((k) => k.kind === choices.kind);
  const columns = (info?.columns ?? []).map((c) => c.name);
  const withNetwork = NETWORK_KINDS.includes(choices.kind);
  const networks = useQuery({ ...networksQueries.everyNetwork(), select: (page) => page.items, enabled: withNetwork });
  const csv = !(choices.file && isWorkbook(choices.file));

  const dryRun = useMutation({
    mutationFn: (sent: Choices) => sendImport({ ...sent, file: sent.file as File, dryRun: true }),
    onMutate: () => setApplied(null),
    onSuccess: (outcome, sent) => setPreview({ ...outcome, choices: sent }),
    onError: () => setPreview(null),
  });
  const apply = useMutation({
    mutationFn: (sent: Choices) => sendImport({ ...sent, file: sent.file as File, dryRun: false }),
    onSuccess: (outcome, sent) => {
      if (outcome.refused) {
        // Something changed since the preview: the rows are refused now, and nothing was written.
        setPreview({ ...outcome, choices: sent });
        return;
      }
      setPreview(null);
      setApplied(outcome.report);
      for (const queryKey of [citiesKeys.all, networksKeys.all, adminKeys.all]) void queryClient.invalidateQueries({ queryKey });
    },
  });

  useEffect(() => previewHeading.current?.focus(), [preview]);
  useEffect(() => resultHeading.current?.focus(), [applied]);

  const change = (next: Partial<Choices>) => {
    setChoices((c) => ({ ...c, ...next }));
    dryRun.reset();
    apply.reset();
  };
  const stale = preview !== null && !sameRequest(preview.choices, choices);
  const state = preview ? applyState(preview, stale) : null;
  const busy = dryRun.isPending || apply.isPending;

  return (
    <>
      <form
        className="form import-form"
        aria-label={t('form.label')}
        onSubmit={(e) => {
          e.preventDefault();
          if (choices.file) dryRun.mutate(choices);
        }}
      >
        <SelectField
          label={t('form.kind')}
          name="kind"
          value={choices.kind}
          onChange={(e) => change({ kind: e.target.value as ImportKind })}
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(`kinds.${k.kind}.name`, { defaultValue: k.kind })}
            </option>
          ))}
        </SelectField>
        {info && <KindHelp info={info} />}
        {withNetwork && (
          <SelectField
            label={t('form.network')}
            name="network"
            hint={t('form.network_hint')}
            problem={dryRun.error}
            value={choices.network}
            onChange={(e) => change({ network: e.target.value })}
          >
            <option value="">{t('form.network_from_file')}</option>
            {(networks.data ?? []).map((n) => (
              <option key={n.slug} value={n.slug}>
                {text(n.name)}
              </option>
            ))}
          </SelectField>
        )}
        {withNetwork && <ProblemAlert error={networks.error} />}
        <div className="field">
          <label htmlFor={`${ids}-file`}>{t('form.file')}</label>
          <input
            id={`${ids}-file`}
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${ids}-file-hint`}
            onChange={(e) => change({ file: e.target.files?.[0] ?? null })}
          />
          <span id={`${ids}-file-hint`} className="muted">
            {t('form.file_hint')}
          </span>
        </div>
        {csv && (
          <fieldset>
            <legend>{t('form.encoding')}</legend>
            {ENCODINGS.map((encoding) => (
              <label key={encoding} className="checkbox">
                <input
                  type="radio"
                  name="encoding"
                  value={encoding}
                  checked={choices.encoding === encoding}
                  onChange={() => change({ encoding })}
                />
                {t(`form.encodings.${encoding}`)}
              </label>
            ))}
            <p className="muted">{t('form.encoding_hint')}</p>
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!choices.file || busy}>
            {dryRun.isPending ? t('form.previewing') : t('form.preview')}
          </button>
        </div>
      </form>
      <ImportProblemAlert error={dryRun.error ?? apply.error} />

      {preview && state && (
        <section aria-labelledby={`${ids}-preview`} className="import-preview">
          <h2 id={`${ids}-preview`} ref={previewHeading} tabIndex={-1}>
            {t('preview.title')}
          </h2>
          {preview.refused ? (
            <p className="alert alert-error" role="alert">
              {t('preview.refused', { errors: preview.report.summary.error, rows: preview.report.rows })}
            </p>
          ) : (
            <p className="muted">{t('preview.dry_run')}</p>
          )}
          <ImportReportView
            key={preview.report.sha256 + preview.refused}
            report={preview.report}
            columns={columns}
            caption={t('preview.caption')}
          />
          <div className="actions import-apply">
            <button
              type="button"
              className="primary"
              disabled={!state.ready || busy}
              aria-describedby={`${ids}-apply-note`}
              onClick={() => apply.mutate(preview.choices)}
            >
              {apply.isPending ? t('apply.applying') : t('apply.button')}
            </button>
            <p id={`${ids}-apply-note`} className={state.ready ? undefined : 'muted'}>
              {t(state.note, { count: state.count })}
            </p>
          </div>
        </section>
      )}

      {applied && (
        <section aria-labelledby={`${ids}-result`} className="import-result">
          <h2 id={`${ids}-result`} ref={resultHeading} tabIndex={-1}>
            {t('result.title')}
          </h2>
          <div className="alert alert-ok" role="status">
            <p className="alert-title">
              {applied.import_id == null
                ? t('result.nothing')
                : t('result.done', {
                    created: applied.summary.create,
                    updated: applied.summary.update,
                    unchanged: applied.summary.unchanged,
                  })}
            </p>
            {applied.import_id != null && (
              <p>
                {t('result.import_id', { id: applied.import_id })}
                {admin && (
                  <>
                    {' '}
                    <Link to={`/admin/audit?${new URLSearchParams({ entity: 'import', entity_id: applied.kind }).toString()}`}>
                      {t('result.audit')}
                    </Link>
                  </>
                )}
              </p>
            )}
          </div>
          <ImportReportView key={applied.sha256} report={applied} columns={columns} caption={t('result.caption')} />
        </section>
      )}
    </>
  );
}

/**
 * `/admin/imports` (admin and secretariat): creates and updates cities, memberships or a
 * network's census from a CSV or Excel file. The file is previewed first (a dry run, row by row);
 * Apply then writes it in one go, only when the preview has no error, something to change, and
 * the file and choices are still those previewed.
 */
export function ImportPage() {
  const { t } = useTranslation('imports');
  const kinds = useQuery(importQueries.kinds());
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <DataState query={kinds}>{(list) => <ImportForm kinds={list.items} />}</DataState>
    </>
  );
}
