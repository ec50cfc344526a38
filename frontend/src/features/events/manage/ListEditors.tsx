import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { CitySlugField } from '@/components/CityPicker';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField, TextField } from '@/components/forms/Field';
import { organisationsQueries } from '@/features/organisations';
import { useLocalized } from '@/i18n/localized';
import { oneOf } from '@/lib/choices';
import { PARTICIPATION_ROLES, PARTS_OF_DAY } from '../model';
import {
  ORGANISER_ROLES,
  cityRows,
  citiesText,
  emptySession,
  organiserRows,
  organisersText,
  sessionRows,
  sessionsText,
  type SessionRow,
  type SpeakerRow,
} from './eventForm';

/** The most rows of each list the API takes. */
const MAX = { sessions: 100, speakers: 50, cities: 500, organisers: 50 } as const;

interface ListProps {
  /** The list's form value (the JSON text of its rows). */
  value: string;
  onChange(value: string): void;
  /** The last problem of the form: 422 messages (such as `sessions[0].title.en`) are shown at their inputs. */
  problem: unknown;
}

/**
 * Where focus goes after the next render: the first input of a row just added, or the button that
 * adds rows after one was removed (each named by a CSS selector inside `box`).
 */
function useFocusAfterRender() {
  const box = useRef<HTMLFieldSetElement>(null);
  const next = useRef<string | null>(null);
  useEffect(() => {
    const target = next.current;
    if (target === null) return;
    next.current = null;
    box.current?.querySelector<HTMLElement>(target)?.focus();
  });
  return {
    box,
    /** Focus the first field of the row `data-row="<row>"` after the next render. */
    row: (row: string) => (next.current = `[data-row="${row}"] :is(input, select, textarea)`),
    /** Focus the button `data-add="<list>"` after the next render. */
    add: (listName: string) => (next.current = `[data-add="${listName}"]`),
  };
}

/** The API's message for a field, if the problem names it. */
function messageOf(problem: unknown, field: string): string | undefined {
  return problem instanceof ApiProblem ? problem.fieldMessage(field) : undefined;
}

/** The message of a whole row or list (not of one of its inputs), if any. */
function RowError({ problem, field }: { problem: unknown; field: string }) {
  const message = messageOf(problem, field);
  return message ? <p className="field-error">{message}</p> : null;
}

/** The agenda: a row per session (title, day, times or part of the day, live stream) with its speakers. */
export function SessionsEditor({ value, onChange, problem }: ListProps) {
  const { t } = useTranslation('events');
  const focus = useFocusAfterRender();
  const rows = sessionRows(value);
  const setRows = (next: SessionRow[]) => onChange(sessionsText(next));
  const change = (i: number, part: Partial<SessionRow>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...part } : row)));
  const setSpeakers = (i: number, speakers: SpeakerRow[]) => change(i, { speakers });
  const field = (i: number, part: 'title_en' | 'title_th' | 'on' | 'starts_at' | 'ends_at', name: string, extra: { type?: string; lang?: string; required?: boolean } = {}) => (
    <TextField
      label={t(`manage.session.${part}`)}
      name={`sessions[${i}].${name}`}
      problem={problem}
      value={rows[i]?.[part] ?? ''}
      onChange={(e) => change(i, { [part]: e.target.value })}
      {...extra}
    />
  );
  return (
    <fieldset className="event-list-editor" ref={focus.box}>
      <legend>{t('manage.sections.sessions')}</legend>
      <p className="muted">{t('manage.hints.sessions')}</p>
      {rows.length === 0 && <p>{t('manage.session.none')}</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="event-row" data-row={`s${i}`}>
          <legend>{t('manage.session.legend', { n: i + 1 })}</legend>
          <RowError problem={problem} field={`sessions[${i}]`} />
          <div className="form-grid">
            {field(i, 'title_en', 'title.en', { lang: 'en', required: true })}
            {field(i, 'title_th', 'title.th', { lang: 'th' })}
            {field(i, 'on', 'on', { type: 'date' })}
            {field(i, 'starts_at', 'starts_at', { type: 'time' })}
            {field(i, 'ends_at', 'ends_at', { type: 'time' })}
            <SelectField
              label={t('manage.session.part_of_day')}
              name={`sessions[${i}].part_of_day`}
              problem={problem}
              value={row.part_of_day}
              onChange={(e) => change(i, { part_of_day: e.target.value })}
            >
              <option value="">{t('manage.session.no_part_of_day')}</option>
              {PARTS_OF_DAY.map((p) => (
                <option key={p} value={p}>
                  {t(`part_of_day.${p}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('manage.session.live_streamed')}
              name={`sessions[${i}].live_streamed`}
              problem={problem}
              value={row.live_streamed}
              onChange={(e) => change(i, { live_streamed: e.target.value })}
            >
              <option value="">{t('manage.session.not_known')}</option>
              <option value="yes">{t('manage.session.yes')}</option>
              <option value="no">{t('manage.session.no')}</option>
            </SelectField>
          </div>
          <Speakers
            session={i}
            speakers={row.speakers}
            problem={problem}
            onChange={(speakers) => setSpeakers(i, speakers)}
            focus={focus}
          />
          {row.sources.length > 0 && <p className="muted">{t('manage.session.sources_kept', { count: row.sources.length })}</p>}
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                focus.add('sessions');
                setRows(rows.filter((_, j) => j !== i));
              }}
            >
              {t('manage.session.remove', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <RowError problem={problem} field="sessions" />
      <div className="actions">
        <button
          type="button"
          data-add="sessions"
          disabled={rows.length >= MAX.sessions}
          onClick={() => {
            focus.row(`s${rows.length}`);
            setRows([...rows, emptySession()]);
          }}
        >
          {t('manage.session.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** The speakers of one session: name, role and organisation as published. */
function Speakers({
  session,
  speakers,
  problem,
  onChange,
  focus,
}: {
  session: number;
  speakers: SpeakerRow[];
  problem: unknown;
  onChange(speakers: SpeakerRow[]): void;
  focus: ReturnType<typeof useFocusAfterRender>;
}) {
  const { t } = useTranslation('events');
  const n = session + 1;
  return (
    <fieldset className="event-speakers-editor">
      <legend>{t('manage.speaker.legend', { n })}</legend>
      {speakers.map((speaker, j) => (
        <div key={j} className="event-speaker-row" data-row={`s${session}-p${j}`}>
          <div className="form-grid">
            {(['name', 'role', 'organisation'] as const).map((part) => (
              <TextField
                key={part}
                label={t(`manage.speaker.${part}`, { n: j + 1 })}
                name={`sessions[${session}].speakers[${j}].${part}`}
                problem={problem}
                required={part === 'name'}
                value={speaker[part]}
                onChange={(e) => onChange(speakers.map((s, k) => (k === j ? { ...s, [part]: e.target.value } : s)))}
              />
            ))}
          </div>
          <RowError problem={problem} field={`sessions[${session}].speakers[${j}]`} />
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                focus.add(`speakers-${session}`);
                onChange(speakers.filter((_, k) => k !== j));
              }}
            >
              {t('manage.speaker.remove', { n: j + 1, session: n })}
            </button>
          </div>
        </div>
      ))}
      <RowError problem={problem} field={`sessions[${session}].speakers`} />
      <div className="actions">
        <button
          type="button"
          data-add={`speakers-${session}`}
          disabled={speakers.length >= MAX.speakers}
          onClick={() => {
            focus.row(`s${session}-p${speakers.length}`);
            onChange([...speakers, { name: '', role: '', organisation: '' }]);
          }}
        >
          {t('manage.speaker.add', { n })}
        </button>
      </div>
    </fieldset>
  );
}

/** The participating cities: a city (by slug, with suggestions) and its role, per row. */
export function CitiesEditor({ value, onChange, problem }: ListProps) {
  const { t } = useTranslation('events');
  const focus = useFocusAfterRender();
  const rows = cityRows(value);
  return (
    <fieldset className="event-list-editor" ref={focus.box}>
      <legend>{t('manage.sections.cities')}</legend>
      {rows.length === 0 && <p>{t('manage.city.none')}</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="event-row" data-row={`c${i}`}>
          <legend>{t('manage.city.legend', { n: i + 1 })}</legend>
          <RowError problem={problem} field={`cities[${i}]`} />
          <div className="form-grid">
            <div>
              <CitySlugField
                label={t('manage.city.city')}
                name={`cities[${i}].city`}
                problem={problem}
                required
                value={row.city}
                onChange={(city) => onChange(citiesText(rows.map((r, j) => (j === i ? { ...r, city } : r))))}
              />
            </div>
            <SelectField
              label={t('manage.city.role')}
              name={`cities[${i}].role`}
              problem={problem}
              value={row.role}
              onChange={(e) => {
                const role = oneOf(e.target.value, PARTICIPATION_ROLES) ?? row.role;
                onChange(citiesText(rows.map((r, j) => (j === i ? { ...r, role } : r))));
              }}
            >
              {PARTICIPATION_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`participation.${role}`)}
                </option>
              ))}
            </SelectField>
          </div>
          {row.sources.length > 0 && <p className="muted">{t('manage.city.sources_kept', { count: row.sources.length })}</p>}
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                focus.add('cities');
                onChange(citiesText(rows.filter((_, j) => j !== i)));
              }}
            >
              {t('manage.city.remove', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <RowError problem={problem} field="cities" />
      <div className="actions">
        <button
          type="button"
          data-add="cities"
          disabled={rows.length >= MAX.cities}
          onClick={() => {
            focus.row(`c${rows.length}`);
            onChange(citiesText([...rows, { city: '', role: PARTICIPATION_ROLES[0], sources: [] }]));
          }}
        >
          {t('manage.city.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** The organisations behind the event: an organisation (chosen from the recorded ones) and its role, per row. */
export function OrganisersEditor({ value, onChange, problem }: ListProps) {
  const { t } = useTranslation(['events', 'organisations']);
  const { text } = useLocalized();
  const focus = useFocusAfterRender();
  const organisations = useQuery(organisationsQueries.list({ limit: 200 }));
  const known = organisations.data?.items ?? [];
  const rows = organiserRows(value);
  const update = (i: number, part: Partial<(typeof rows)[number]>) =>
    onChange(organisersText(rows.map((r, j) => (j === i ? { ...r, ...part } : r))));
  return (
    <fieldset className="event-list-editor" ref={focus.box}>
      <legend>{t('manage.sections.organisers')}</legend>
      {rows.length === 0 && <p>{t('manage.organiser.none')}</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="event-row" data-row={`o${i}`}>
          <legend>{t('manage.organiser.legend', { n: i + 1 })}</legend>
          <RowError problem={problem} field={`organisers[${i}]`} />
          <div className="form-grid">
            <SelectField
              label={t('manage.organiser.organisation')}
              name={`organisers[${i}].organisation`}
              problem={problem}
              required
              value={row.organisation}
              onChange={(e) => update(i, { organisation: e.target.value })}
            >
              <option value="">{t('manage.organiser.choose')}</option>
              {row.organisation && !known.some((o) => o.slug === row.organisation) && (
                <option value={row.organisation}>{row.organisation}</option>
              )}
              {known.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {text(o.name)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('manage.organiser.role')}
              name={`organisers[${i}].role`}
              problem={problem}
              value={row.role}
              onChange={(e) => update(i, { role: oneOf(e.target.value, ORGANISER_ROLES) ?? row.role })}
            >
              {ORGANISER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`, { ns: 'organisations' })}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                focus.add('organisers');
                onChange(organisersText(rows.filter((_, j) => j !== i)));
              }}
            >
              {t('manage.organiser.remove', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <RowError problem={problem} field="organisers" />
      <ProblemAlert error={organisations.error} />
      <div className="actions">
        <button
          type="button"
          data-add="organisers"
          disabled={rows.length >= MAX.organisers}
          onClick={() => {
            focus.row(`o${rows.length}`);
            onChange(organisersText([...rows, { organisation: '', role: ORGANISER_ROLES[0] }]));
          }}
        >
          {t('manage.organiser.add')}
        </button>
      </div>
    </fieldset>
  );
}
