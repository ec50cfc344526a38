import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Answer } from '@/api/client';
import { ApiProblem, isStaleEdit } from '@/api/problem';
import { TextAreaField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { evaluationsApi, evaluationsKeys } from '@/features/evaluations/api';
import { CriterionField, anchorOf } from './CriterionField';
import { EvaluationProblem } from './EvaluationProblem';
import {
  buildTree,
  errorsByCriterion,
  initialValues,
  isDirty,
  leavesOf,
  missingCriteria,
  scoresBody,
  type Criterion,
  type CriterionNode,
  type LeafValue,
  type ScoreInput,
} from './criteria';
import type { Evaluation, Framework } from './lookups';

interface Props {
  evaluation: Evaluation;
  /** The evaluation's ETag, sent back as `If-Match` when submitting. */
  etag: string | null;
  /** The evaluation's framework, with its criteria. */
  framework: Framework;
}

type Notice = 'saved' | 'submitted' | 'recused';
const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

/**
 * The scoring form of one evaluation, following its framework's criteria tree: save a draft
 * (all or nothing), submit, or recuse. Submitted, final and recused evaluations are shown read-only.
 */
export function ScoringForm({ evaluation, etag, framework }: Props) {
  const { t } = useTranslation(['evaluate', 'common']);
  const { text, number } = useLocalized();
  const queryClient = useQueryClient();
  const tree = useMemo(() => buildTree(framework.criteria ?? []), [framework]);
  const leaves = useMemo(() => leavesOf(tree), [tree]);
  const [initial, setInitial] = useState(() => initialValues(leaves, evaluation.scores));
  const [values, setValues] = useState(initial);
  const [sent, setSent] = useState<ScoreInput[]>([]);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [missing, setMissing] = useState<Criterion[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<'submit' | 'recuse' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<unknown>(null);
  const latest = useRef({ evaluation, etag });
  const feedback = useRef<HTMLDivElement>(null);
  const confirmPanel = useRef<HTMLElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const progressId = useId();

  useEffect(() => {
    latest.current = { evaluation, etag };
  }, [evaluation, etag]);

  const editable = evaluation.status === 'draft' || evaluation.status === 'returned';
  const dirty = editable && isDirty(initial, values);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (missing.length > 0 || problem || invalid.length > 0) feedback.current?.focus();
  }, [missing, problem, invalid]);

  useEffect(() => {
    if (confirming) confirmPanel.current?.focus();
  }, [confirming]);

  // Submitting or recusing removes the form (and the button that had the focus): the notice takes it.
  useEffect(() => {
    if (notice === 'submitted' || notice === 'recused') noticeRef.current?.focus();
  }, [notice]);

  const save = useMutation({
    mutationFn: (scores: ScoreInput[]) => evaluationsApi.saveScores(evaluation.id, scores),
  });
  const submit = useMutation({
    mutationFn: () => evaluationsApi.submit(evaluation.id, latest.current.etag),
  });
  const recuse = useMutation({
    mutationFn: (why: string) => evaluationsApi.recuse(evaluation.id, why),
  });
  const busy = save.isPending || submit.isPending || recuse.isPending;

  function apply(result: Answer<Evaluation>) {
    latest.current = { evaluation: result.data, etag: result.etag };
    queryClient.setQueryData(evaluationsKeys.detail(result.data.id), result);
    void queryClient.invalidateQueries({ queryKey: evaluationsKeys.lists() });
  }

  function clearFeedback() {
    setProblem(null);
    setNotice(null);
    setInvalid([]);
  }

  async function saveDraft(): Promise<boolean> {
    clearFeedback();
    const body = scoresBody(leaves, values, latest.current.evaluation.scores);
    if (!body.ok) {
      setInvalid(body.invalid);
      return false;
    }
    setSent(body.scores);
    try {
      const result = await save.mutateAsync(body.scores);
      apply(result);
      const fresh = initialValues(leaves, result.data.scores);
      setInitial(fresh);
      setValues(fresh);
      setNotice('saved');
      return true;
    } catch (e) {
      setProblem(e);
      return false;
    }
  }

  async function doSubmit() {
    setConfirming(null);
    setMissing([]);
    if (dirty || invalid.length > 0) {
      if (!(await saveDraft())) return;
    } else {
      clearFeedback();
    }
    try {
      apply(await submit.mutateAsync());
      setNotice('submitted');
    } catch (e) {
      if (e instanceof ApiProblem && e.code === 'incomplete_evaluation') {
        setMissing(missingCriteria(e.detail, leaves, latest.current.evaluation.scores));
      } else {
        setProblem(e);
      }
    }
  }

  async function doRecuse() {
    setReasonProblem(null);
    clearFeedback();
    if (!reason.trim()) {
      setReasonProblem(new ApiProblem(422, 'validation_failed', '', '', [{ field: 'reason', message: t('recuse.reason_required') }]));
      return;
    }
    try {
      apply(await recuse.mutateAsync(reason.trim()));
      setConfirming(null);
      setNotice('recused');
    } catch (e) {
      setReasonProblem(e);
    }
  }

  /** After a stale-version refusal: fetch the evaluation again and start from what is saved now. */
  async function reload() {
    await queryClient.invalidateQueries({ queryKey: evaluationsKeys.detail(evaluation.id) });
    const fresh = queryClient.getQueryData<Answer<Evaluation>>(evaluationsKeys.detail(evaluation.id));
    if (!fresh) return;
    latest.current = { evaluation: fresh.data, etag: fresh.etag };
    const values = initialValues(leaves, fresh.data.scores);
    setInitial(values);
    setValues(values);
    clearFeedback();
    setMissing([]);
  }

  function onSave(e: FormEvent) {
    e.preventDefault();
    void saveDraft();
  }

  const fieldErrors = problem instanceof ApiProblem ? errorsByCriterion(problem.errors, sent) : {};
  const unscored = (code: string) => (values[code]?.score.trim() ?? '') === '';
  const missingCodes = new Set(missing.map((c) => c.code));
  const scored = leaves.filter((l) => !unscored(l.code)).length;
  const requiredLeft = leaves.filter((l) => l.required && unscored(l.code)).length;

  function renderNode(node: CriterionNode, depth: number) {
    const c = node.criterion;
    if (node.children.length === 0) {
      const value: LeafValue = values[c.code] ?? { score: '', comment: '', links: '' };
      const errors = [...(invalid.includes(c.code) ? [t('score.not_a_number')] : []), ...(fieldErrors[c.code] ?? [])];
      return (
        <CriterionField
          key={c.code}
          criterion={c}
          value={value}
          readOnly={!editable}
          errors={errors}
          missing={missingCodes.has(c.code) && unscored(c.code)}
          onChange={(next) => setValues((old) => ({ ...old, [c.code]: next }))}
        />
      );
    }
    const Heading = HEADINGS[Math.min(depth, HEADINGS.length - 1)] ?? 'h6';
    const headingId = `${anchorOf(c.code)}-heading`;
    return (
      <section key={c.code} className={`criteria-group criteria-depth-${depth}`} aria-labelledby={headingId}>
        <Heading id={headingId}>
          <span className="criterion-code">{c.code}</span> {text(c.title)}
          {!c.verified && (
            <>
              {' '}
              <span className="badge badge-unverified">{t('score.unverified')}</span>
            </>
          )}
        </Heading>
        {node.children.map((child) => renderNode(child, depth + 1))}
      </section>
    );
  }

  const focusCriterion = (code: string) => {
    const element = document.getElementById(anchorOf(code));
    const target = element?.querySelector<HTMLElement>('input:checked, input, textarea');
    target?.focus();
  };

  return (
    <>
      <StatusNote evaluation={evaluation} />
      {!framework.verified && (
        <p className="alert alert-warning">{t('score.framework_unverified')}</p>
      )}
      <h2>{t('score.combined')}</h2>
      <div className="figures">
        <p className="figure">
          <span className="figure-value">{evaluation.overall == null ? t('score.no_overall') : number(evaluation.overall, 1)}</span>
          {t('score.overall')}
        </p>
        {evaluation.areas.map((a) => (
          <p className="figure" key={a.area}>
            <span className="figure-value">{number(a.score, 1)}</span>
            {a.area} {text(a.title)}
          </p>
        ))}
      </div>
      <p className="muted">{t('score.combined_hint')}</p>

      <div className="scoring-progress">
        <p id={progressId} aria-live="polite">
          {t('score.progress', { scored, total: leaves.length })}
          {editable && requiredLeft > 0 && <> {t('score.required_left', { count: requiredLeft })}</>}
        </p>
        <progress value={scored} max={Math.max(leaves.length, 1)} aria-labelledby={progressId} />
      </div>

      {notice && (
        <p role="status" className="alert alert-ok" ref={noticeRef} tabIndex={-1}>
          {t(`notice.${notice}`)}
        </p>
      )}

      {editable ? (
        <form className="form scoring-form" onSubmit={onSave} noValidate aria-label={t('score.form_label')}>
          {tree.map((node) => renderNode(node, 0))}
          <div ref={feedback} tabIndex={-1} className="scoring-feedback">
            {invalid.length > 0 && (
              <div role="alert" className="alert alert-error">
                <p className="alert-title">{t('score.invalid_title')}</p>
                <CriterionLinks codes={invalid} leaves={leaves} onFocus={focusCriterion} />
              </div>
            )}
            {missing.length > 0 && (
              <div role="alert" className="alert alert-error">
                <p className="alert-title">{t('score.missing_title', { count: missing.length })}</p>
                <CriterionLinks codes={missing.map((c) => c.code)} leaves={leaves} onFocus={focusCriterion} />
              </div>
            )}
            {problem != null && <EvaluationProblem error={problem} />}
            {isStaleEdit(problem) && (
              <p>
                <button type="button" onClick={() => void reload()}>
                  {t('actions.reload')}
                </button>{' '}
                <span className="muted">{t('score.reload_hint')}</span>
              </p>
            )}
          </div>
          <div className="actions scoring-actions">
            <button type="submit" className="primary" disabled={busy}>
              {save.isPending ? t('actions.saving') : t('actions.save')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming('submit')}>
              {t('actions.submit')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming('recuse')}>
              {t('actions.recuse')}
            </button>
            {dirty && <span className="muted">{t('score.unsaved')}</span>}
          </div>
        </form>
      ) : (
        <div className="scoring-form">{tree.map((node) => renderNode(node, 0))}</div>
      )}

      {editable && confirming === 'submit' && (
        <section ref={confirmPanel} tabIndex={-1} className="confirm-panel" aria-labelledby={`${progressId}-submit`}>
          <h2 id={`${progressId}-submit`}>{t('submit.title')}</h2>
          <p>{t('submit.explain')}</p>
          {dirty && <p>{t('submit.saves_first')}</p>}
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void doSubmit()}>
              {submit.isPending ? t('actions.submitting') : t('submit.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        </section>
      )}
      {editable && confirming === 'recuse' && (
        <section ref={confirmPanel} tabIndex={-1} className="confirm-panel" aria-labelledby={`${progressId}-recuse`}>
          <h2 id={`${progressId}-recuse`}>{t('recuse.title')}</h2>
          <p>{t('recuse.explain')}</p>
          <TextAreaField
            label={t('recuse.reason')}
            name="reason"
            problem={reasonProblem}
            value={reason}
            maxLength={2000}
            rows={3}
            required
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonProblem != null && !(reasonProblem instanceof ApiProblem && reasonProblem.fieldMessage('reason')) && (
            <EvaluationProblem error={reasonProblem} />
          )}
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void doRecuse()}>
              {recuse.isPending ? t('actions.recusing') : t('recuse.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}

function CriterionLinks({ codes, leaves, onFocus }: { codes: string[]; leaves: Criterion[]; onFocus(code: string): void }) {
  const { text } = useLocalized();
  return (
    <ul>
      {codes.map((code) => {
        const leaf = leaves.find((l) => l.code === code);
        return (
          <li key={code}>
            <a
              href={`#${anchorOf(code)}`}
              onClick={(e) => {
                e.preventDefault();
                onFocus(code);
              }}
            >
              {code} {leaf ? text(leaf.title) : ''}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** Where the evaluation stands: returned (with the secretariat's reason), submitted, final or recused. */
function StatusNote({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation('evaluate');
  const { date } = useLocalized();
  switch (evaluation.status) {
    case 'returned':
      return (
        <div className="alert alert-warning">
          <p className="alert-title">{t('state.returned_title')}</p>
          <p>{evaluation.return_reason ? t('state.returned_reason', { reason: evaluation.return_reason }) : t('state.no_reason')}</p>
          <p>{t('state.returned_hint')}</p>
        </div>
      );
    case 'recused':
      return (
        <div className="alert alert-warning">
          <p className="alert-title">{t('state.recused_title')}</p>
          {evaluation.recusal_reason && <p>{t('state.recused_reason', { reason: evaluation.recusal_reason })}</p>}
        </div>
      );
    case 'submitted':
      return (
        <div className="alert alert-ok">
          <p className="alert-title">{t('state.submitted_title', { date: date(evaluation.submitted_at) })}</p>
          <p>{t('state.submitted_hint')}</p>
        </div>
      );
    case 'final':
      return (
        <div className="alert alert-ok">
          <p className="alert-title">{t('state.final_title')}</p>
          <p>{t('state.final_hint')}</p>
        </div>
      );
    default:
      return null;
  }
}
