import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readable } from '@/features/admin/audit/auditRecord';
import { changesOf, type ColumnChange, type ImportReport, type RowReport } from './api';

type Action = RowReport['action'];

/** The actions in the order the summary shows them. */
const ACTIONS: readonly Action[] = ['create', 'update', 'unchanged', 'error'];

/** The most rows the table shows at once; a chosen action shows only its rows. */
const SHOWN_ROWS = 500;

/** One value of a cell: its readable text, or “empty” for a cleared or missing one. */
function CellValue({ value }: { value: unknown }) {
  const { t } = useTranslation('imports');
  const text = readable(value);
  return text === '' ? <span className="muted">{t('report.empty')}</span> : <span className="json">{text}</span>;
}

/** The changes of a row in the order of the kind's columns (the API gives them by name). */
function ordered(changes: ColumnChange[], columns: string[]): ColumnChange[] {
  const rank = (c: ColumnChange) => {
    const at = columns.indexOf(c.column);
    return at === -1 ? columns.length : at;
  };
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

/** What a row does: each change (`column: old → new`), each new value, or each error (`column — message`). */
function RowDetail({ row, columns }: { row: RowReport; columns: string[] }) {
  const { t } = useTranslation('imports');
  let items: ReactNode[] = [];
  if (row.action === 'error') {
    items = row.errors.map((e, i) => (
      <li key={`${e.column}|${i}`}>
        <code>{e.column}</code> — {e.message}
      </li>
    ));
  } else if (row.action === 'update') {
    items = ordered(changesOf(row), columns).map((c) => (
      <li key={c.column}>
        <code>{c.column}</code>: <CellValue value={c.old} /> → <CellValue value={c.new} />
      </li>
    ));
  } else if (row.action === 'create') {
    items = ordered(changesOf(row), columns).map((c) => (
      <li key={c.column}>
        <code>{c.column}</code>: <CellValue value={c.new} />
      </li>
    ));
  }
  if (items.length === 0) return <span className="muted">{t('report.no_change')}</span>;
  return <ul className="import-changes">{items}</ul>;
}

interface Props {
  report: ImportReport;
  /** The kind's column names in file order, to list each row's changes in that order. */
  columns: string[];
  /** The table's caption. */
  caption: string;
}

/**
 * An import's report: how many rows each action takes (buttons that show only those rows), then
 * a table of the rows with their number in the sheet, the record they name, the action, and the
 * changes, new values or errors.
 */
export function ImportReportView({ report, columns, caption }: Props) {
  const { t } = useTranslation('imports');
  const [only, setOnly] = useState<Action | null>(null);
  const rows = only ? report.items.filter((r) => r.action === only) : report.items;
  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <>
      <ul className="import-summary" aria-label={t('report.summary')}>
        <li>
          <button type="button" aria-pressed={only === null} onClick={() => setOnly(null)}>
            {t('report.all_rows')} <span className="badge">{report.rows}</span>
          </button>
        </li>
        {ACTIONS.map((action) => {
          const count = report.summary[action];
          return (
            <li key={action}>
              <button
                type="button"
                className={`import-${action}${count === 0 ? ' none' : ''}`}
                aria-pressed={only === action}
                onClick={() => setOnly(only === action ? null : action)}
              >
                {t(`report.count.${action}`)} <span className="badge">{count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {rows.length === 0 ? (
        <p className="muted">{t('report.no_rows')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data import-report">
            <caption>{only ? t('report.caption_only', { caption, action: t(`report.count.${only}`) }) : caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('report.col.row')}
                </th>
                <th scope="col">{t('report.col.key')}</th>
                <th scope="col">{t('report.col.action')}</th>
                <th scope="col">{t('report.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.row} className={`import-${row.action}`}>
                  <td className="num">{row.row}</td>
                  <th scope="row">{row.key ? <code>{row.key}</code> : <span className="muted">{t('report.no_key')}</span>}</th>
                  <td>{t(`report.action.${row.action}`)}</td>
                  <td>
                    <RowDetail row={row} columns={columns} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown.length && <p className="muted">{t('report.truncated', { shown: shown.length, total: rows.length })}</p>}
    </>
  );
}
