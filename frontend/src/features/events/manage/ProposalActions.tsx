import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { Refusal } from '@/components/Refusal';
import { useLocalized } from '@/i18n/localized';
import { eventsApi, eventsKeys } from '../api';
import type { Event } from '../model';

interface Props {
  event: Event;
  /** The ETag of the version shown, sent as `If-Match` (null from a list, which has none). */
  etag: string | null;
  /** After a publish or a return: with the event as it is now. */
  onDone?: (event: Event) => void;
  /** For a 412: loads the current version, so the secretariat decides on what is there now. */
  onReload?: () => void;
}

/**
 * The secretariat's decision on a city's proposal: publish it (after a confirmation), or return
 * it to the city with the reason (required, up to 2,000 characters), which the city's editors see.
 */
export function ProposalActions({ event, etag, onDone, onReload }: Props) {
  const { t } = useTranslation('events');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [message, setMessage] = useState('');
  const title = text(event.title);
  const done = (key: 'published' | 'returned') => async (result: Event) => {
    setMessage(t(`manage.proposal.${key}`, { title }));
    setReturning(false);
    setReason('');
    await queryClient.invalidateQueries({ queryKey: eventsKeys.all });
    onDone?.(result);
  };
  const publish = useMutation({ mutationFn: () => eventsApi.publish(event.slug, etag), onSuccess: done('published') });
  const giveBack = useMutation({ mutationFn: (why: string) => eventsApi.giveBack(event.slug, why, etag), onSuccess: done('returned') });
  const status = <p role="status">{message}</p>;
  if (event.status !== 'proposed') return status;
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
    <div className="proposal-actions">
      {returning ? (
        <form className="row-form" onSubmit={submitReturn} noValidate aria-label={t('manage.proposal.return_form', { title })}>
          <div className="field">
            <label htmlFor={reasonId}>{t('manage.proposal.reason')}</label>
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
                {t('manage.proposal.reason_required')}
              </span>
            )}
          </div>
          <button type="submit" className="primary" disabled={giveBack.isPending}>
            {t('manage.proposal.return_submit')}
          </button>
          <button
            type="button"
            onClick={() => {
              setMissing(false);
              setReturning(false);
            }}
          >
            {t('manage.proposal.cancel')}
          </button>
        </form>
      ) : (
        <div className="actions">
          <ConfirmAction
            label={t('manage.proposal.publish')}
            name={t('manage.proposal.publish_for', { title })}
            question={t('manage.proposal.publish_question', { title })}
            confirmLabel={t('manage.proposal.publish_confirm')}
            danger={false}
            disabled={publish.isPending}
            onConfirm={() => {
              setMessage('');
              giveBack.reset();
              publish.reset();
              publish.mutate();
            }}
          />
          <button
            type="button"
            aria-label={t('manage.proposal.return_for', { title })}
            onClick={() => {
              setMessage('');
              giveBack.reset();
              publish.reset();
              setReturning(true);
            }}
          >
            {t('manage.proposal.return')}
          </button>
        </div>
      )}
      {status}
      <Refusal error={publish.error ?? giveBack.error} onReload={onReload} />
    </div>
  );
}
