import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiProblem } from '@/api/problem';

interface Common {
  /** The visible label. */
  label: string;
  /** The API's name for the field: its message from a 422 problem is shown under the input. */
  name: string;
  /** The last problem of the form, if any. */
  problem?: unknown;
  /** A hint under the label. */
  hint?: string;
}

function useFieldIds(name: string, problem: unknown, hint?: string) {
  const id = useId();
  const message = problem instanceof ApiProblem ? problem.fieldMessage(name) : undefined;
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, message, described };
}

function Extras({ id, hint, message }: { id: string; hint?: string; message?: string }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      {message && (
        <span id={`${id}-error`} className="field-error">
          {message}
        </span>
      )}
    </>
  );
}

/** A labelled input whose API error (by field name) is announced with it. */
export function TextField({ label, name, problem, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { id, message, described } = useFieldIds(name, problem, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={message ? true : undefined} aria-describedby={described} {...input} />
      <Extras id={id} hint={hint} message={message} />
    </div>
  );
}

/** A labelled text area, as {@link TextField}. */
export function TextAreaField({ label, name, problem, hint, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, message, described } = useFieldIds(name, problem, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={message ? true : undefined} aria-describedby={described} {...input} />
      <Extras id={id} hint={hint} message={message} />
    </div>
  );
}

/** A labelled select, as {@link TextField}; the options are its children. */
export function SelectField({
  label,
  name,
  problem,
  hint,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const { id, message, described } = useFieldIds(name, problem, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={message ? true : undefined} aria-describedby={described} {...select}>
        {children}
      </select>
      <Extras id={id} hint={hint} message={message} />
    </div>
  );
}
