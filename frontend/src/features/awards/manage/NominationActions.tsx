import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { useLocalized } from '@/i18n/localized';
import { awardsApi } from '@/features/awards/api';
import { Refusal } from '@/components/Refusal';
import { DECISIONS, type Cycle, type Nomination, type NominationStatus } from './model';

/**
 * The secretariat's decision on a nomination (`POST /nominations/{id}/decision`): shortlisted,
 * winner, not awarded or back to submitted. The API's refusals (`country_winner_limit`,
 * `illegal_decision`...) are shown under it.
 */
export function DecisionForm({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const id = useId();
  const [status, setStatus] = useState<NominationStatus>(nomination.status);
  const decide = useMutation({
    mutationFn: (to: NominationStatus) => awardsApi.decide(nomination.id, to),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate(status);
  };
  return (
    <form className="row-form" onSubmit={submit} aria-label={t('decision.form', { city: text(nomination.city_name) })}>
      <div className="field">
        <label htmlFor={id}>{t('decision.label')}</label>
        <select id={id} value={status} onChange={(e) => setStatus(e.target.value as NominationStatus)}>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`status.nomination.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={decide.isPending || status === nomination.status}>
        {t('decision.submit')}
      </button>
      <span role="status">{decide.isSuccess && t('decision.saved')}</span>
      <Refusal error={decide.error} />
    </form>
  );
}

/** Withdraws a nomination after a confirmation (`POST /nominations/{id}/withdraw`); it is final. */
export function WithdrawControl({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => awardsApi.withdraw(nomination.id),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const city = text(nomination.city_name);
  return (
    <div>
      <ConfirmAction
        label={t('withdraw.button')}
        question={t('withdraw.confirm', { city })}
        confirmLabel={t('withdraw.confirm_button')}
        disabled={withdraw.isPending}
        onConfirm={() => {
          withdraw.reset();
          withdraw.mutate();
        }}
      />
      <Refusal error={withdraw.error} />
    </div>
  );
}

/** What may be done with one nomination at the cycle's current stage. */
export function NominationActions({ cycle, nomination }: { cycle: Cycle; nomination: Nomination }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const deciding = (cycle.status === 'judging' || cycle.status === 'closed') && nomination.status !== 'withdrawn';
  const withdrawable = cycle.status === 'open' && nomination.status === 'submitted';
  const assignable = cycle.status !== 'published' && nomination.status !== 'withdrawn';
  return (
    <div className="actions">
      {deciding && <DecisionForm nomination={nomination} />}
      {withdrawable && <WithdrawControl nomination={nomination} />}
      {assignable && (
        <Link
          to={`/manage/evaluations/assign?cycle=${cycle.id}&nomination=${nomination.id}`}
          aria-label={t('nominations.assign_for', { city: text(nomination.city_name) })}
        >
          {t('nominations.assign')}
        </Link>
      )}
      {!deciding && !withdrawable && !assignable && <span className="muted">{t('nominations.no_actions')}</span>}
    </div>
  );
}
