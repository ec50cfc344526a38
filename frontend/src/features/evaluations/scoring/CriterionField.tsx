import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '@/i18n/localized';
import { isWebLink, linesOf, usesRadios, type Criterion, type LeafValue } from './criteria';

/** The element id of a criterion in the form, for links to it. */
export const anchorOf = (code: string) => `criterion-${code.replace(/[^\w-]/g, '_')}`;

interface Props {
  criterion: Criterion;
  value: LeafValue;
  onChange(value: LeafValue): void;
  /** Messages for this criterion: the API's field errors, or the form's own. */
  errors: string[];
  /** Required and reported missing by a submit. */
  missing: boolean;
  readOnly: boolean;
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** One scorable criterion: its score on its scale, a comment and evidence links (or them as text when read-only). */
export function CriterionField({ criterion, value, onChange, errors, missing, readOnly }: Props) {
  const { t } = useTranslation('evaluate');
  const { text, number } = useLocalized();
  const id = useId();
  const { code, scale_min: min, scale_max: max } = criterion;
  const title = text(criterion.title);
  const problems = missing ? [t('score.missing_here'), ...errors] : errors;
  const errorId = problems.length > 0 ? `${id}-error` : undefined;
  const invalid = problems.length > 0 ? true : undefined;
  const heading = (
    <p className="criterion-title" id={`${id}-title`}>
      <span className="criterion-code">{code}</span> {title}
    </p>
  );
  const meta = (
    <p className="muted criterion-meta">
      {t('score.scale', { min, max })} · {criterion.required ? t('score.required') : t('score.optional')} ·{' '}
      {t('score.weight', { weight: number(criterion.weight, 2) })}
      {!criterion.verified && (
        <>
          {' '}
          <span className="badge badge-unverified">{t('score.unverified')}</span>
        </>
      )}
    </p>
  );
  const messages = errorId && (
    <ul id={errorId} className="field-error criterion-errors">
      {problems.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );

  if (readOnly) {
    const links = linesOf(value.links);
    return (
      <div className="criterion" id={anchorOf(code)}>
        {heading}
        {meta}
        <dl className="facts">
          <dt>{t('score.score')}</dt>
          <dd>{value.score === '' ? t('score.not_scored') : t('score.score_of', { score: number(Number(value.score), 2), min, max })}</dd>
          {value.comment && (
            <>
              <dt>{t('score.comment')}</dt>
              <dd className="criterion-comment">{value.comment}</dd>
            </>
          )}
          {links.length > 0 && (
            <>
              <dt>{t('score.links')}</dt>
              <dd>
                <ul>
                  {links.map((l) => (
                    <li key={l}>{isWebLink(l) ? <a href={l} rel="noreferrer noopener" target="_blank">{l}</a> : l}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </div>
    );
  }

  const hidden = <span className="visually-hidden"> — {code} {title}</span>;
  const set = (patch: Partial<LeafValue>) => onChange({ ...value, ...patch });
  return (
    <div className={missing ? 'criterion criterion-missing' : 'criterion'} id={anchorOf(code)}>
      {heading}
      {meta}
      {usesRadios(criterion, value.score) ? (
        <fieldset className="score-scale" aria-describedby={errorId}>
          <legend>
            {t('score.score_label', { min, max })}
            {hidden}
          </legend>
          <label>
            <input type="radio" name={`${id}-score`} value="" checked={value.score === ''} onChange={() => set({ score: '' })} />{' '}
            {t('score.none')}
          </label>
          {range(min, max).map((n) => (
            <label key={n}>
              <input
                type="radio"
                name={`${id}-score`}
                value={n}
                checked={value.score !== '' && Number(value.score) === n}
                aria-invalid={invalid}
                onChange={() => set({ score: String(n) })}
              />{' '}
              {n}
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-score`}>
            {t('score.score_label', { min, max })}
            {hidden}
          </label>
          <input
            id={`${id}-score`}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step="any"
            value={value.score}
            aria-invalid={invalid}
            aria-describedby={errorId}
            onChange={(e) => set({ score: e.target.value })}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-comment`}>
          {t('score.comment')}
          {hidden}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={5000}
          value={value.comment}
          aria-describedby={value.comment && value.score === '' ? `${id}-needs-score` : undefined}
          onChange={(e) => set({ comment: e.target.value })}
        />
        {value.comment && value.score === '' && (
          <span id={`${id}-needs-score`} className="muted">
            {t('score.comment_needs_score')}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-links`}>
          {t('score.links')}
          {hidden}
        </label>
        <textarea
          id={`${id}-links`}
          rows={2}
          value={value.links}
          aria-describedby={`${id}-links-hint`}
          onChange={(e) => set({ links: e.target.value })}
        />
        <span id={`${id}-links-hint`} className="muted">
          {t('score.links_hint')}
        </span>
      </div>
      {messages}
    </div>
  );
}
