import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { useLocalized } from '@/i18n/localized';
import { Refusal } from '@/components/Refusal';
import { evaluationsApi } from '@/features/evaluations/api';

type Evaluation = components['schemas']['Evaluation'];

/**
 * The secretariat's steps on a submitted evaluation: return it to its evaluator with a reason
 * (required, up to 2,000 characters), or accept it as final after a confirmation.
 */
export function EvaluationActions({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [message, setMessage] = useState('');
  const done = async (result: Evaluation) => {
    setMessage(t('evaluations.moved', { id: result.id, status: t(`status.evaluation.${result.status}`) }));
    setReturning(false);
    setReason('');
    await queryClient.invalidateQueries();
  };
  const giveBack = useMutation({
    mutationFn: (why: string) => evaluationsApi.giveBack(evaluation.id, why),
    onSuccess: done,
  });
  const finalise = useMutation({
    mutationFn: () => evaluationsApi.finalise(evaluation.id),
    onSuccess: done,
  });
  const city = text(evaluation.city_name);
  const status = <span role="status">{message}</span>;
  if (evaluation.status !== 'submitted') {
    return (
      <>
        <span className="muted">{t('evaluations.no_actions')}</span> {status}
      </>
    );
  }
  const submitReturn = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    giveBack.mutate(reason.trim());
  };
  return (
    <div>
      {returning ? (
        <form className="row-form" onSubmit={submitReturn} noValidate aria-label={t('evaluations.return_form', { id: evaluation.id, city })}>
          <div className="field">
            <label htmlFor={reasonId}>{t('evaluations.reason')}</label>
            <textarea
              id={reasonId}
              name="reason"
              rows={3}
              maxLength={2000}
              required
              autoFocus
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${reasonId}-error` : undefined}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            {missing && (
              <span id={`${reasonId}-error`} className="field-error">
                {t('evaluations.reason_required')}
              </span>
            )}
          </div>
          <button type="submit" className="primary" disabled={giveBack.isPending}>
            {t('evaluations.return_submit')}
          </button>
          <button
            type="button"
            onClick={() => {
              setMissing(false);
              setReturning(false);
            }}
          >
            {t('actions.cancel')}
          </button>
        </form>
      ) : (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setMessage('');
              giveBack.reset();
              finalise.reset();
              setReturning(true);
            }}
            aria-label={t('evaluations.return_for', { id: evaluation.id, city })}
          >
            {t('evaluations.return')}
          </button>
          <ConfirmAction
            label={t('evaluations.finalise')}
            name={t('evaluations.finalise_for', { id: evaluation.id, city })}
            question={t('evaluations.finalise_confirm', { id: evaluation.id, city })}
            confirmLabel={t('evaluations.finalise_submit')}
            danger={false}
            disabled={finalise.isPending}
            onConfirm={() => {
              setMessage('');
              giveBack.reset();
              finalise.reset();
              finalise.mutate();
            }}
          />
        </div>
      )}
      {status}
      <Refusal error={giveBack.error ?? finalise.error} />
    </div>
  );
}
