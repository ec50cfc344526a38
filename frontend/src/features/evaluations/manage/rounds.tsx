import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import type { components } from '@/api/schema';
import { useLocalized } from '@/i18n/localized';
import { Refusal } from '@/components/Refusal';
import { evaluationsApi, evaluationsQueries } from '@/features/evaluations/api';

/** A monitoring round. */
export type Round = components['schemas']['Round'];

/** The monitoring rounds (first 200). */
export function useRounds() {
  return useQuery(evaluationsQueries.rounds());
}

/**
 * Publishes an open monitoring round after a confirmation (`POST /monitoring-rounds/{id}/publish`):
 * its aggregates become public and it takes no new assignments.
 */
export function PublishRound({ round }: { round: Round }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const [published, setPublished] = useState(false);
  const publish = useMutation({
    mutationFn: () => evaluationsApi.publishRound(round.id),
    onSuccess: async () => {
      setPublished(true);
      await queryClient.invalidateQueries();
    },
  });
  const title = text(round.title);
  return (
    <div>
      {round.status === 'published' ? (
        <span className="muted">{t('rounds.already_published')}</span>
      ) : (
        <ConfirmAction
          label={t('rounds.publish')}
          question={t('rounds.publish_confirm', { title })}
          confirmLabel={t('rounds.publish_submit')}
          danger={false}
          disabled={publish.isPending}
          onConfirm={() => {
            publish.reset();
            publish.mutate();
          }}
        />
      )}
      <span role="status">{published && t('rounds.published', { title })}</span>
      <Refusal error={publish.error} />
    </div>
  );
}
