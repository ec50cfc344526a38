import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { awardsApi, CYCLE_STAGES, nextStage, type Cycle, type CycleStatus, type Versioned } from '@/features/awards';
import { useLocalized } from '@/i18n/localized';
import { ConfirmAction } from './forms/ConfirmAction';
import { Refusal } from './Refusal';

interface Props {
  cycle: Versioned<Cycle>;
  /** Reloads the cycle (after a 412, when someone else moved it meanwhile). */
  onReload(): unknown;
  /** The level of its heading, under the page's outline (default 2). */
  headingLevel?: 2 | 3;
}

/**
 * The stage of a cycle and the one step it may take next (draft → open → judging → closed →
 * published). The step is confirmed first, then sent with the cycle's `If-Match`; the API's
 * refusals (`illegal_transition`, a stale version) are shown as they come.
 */
export function StageControl({ cycle, onReload, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [moved, setMoved] = useState<CycleStatus | null>(null);
  const current = cycle.data.status;
  const next = nextStage(current);
  const move = useMutation({
    mutationFn: (to: CycleStatus) => awardsApi.moveCycle(cycle, to),
    onSuccess: async ({ data }) => {
      setMoved(data.status);
      await queryClient.invalidateQueries();
    },
  });
  const at = CYCLE_STAGES.indexOf(current);
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{t('stage.heading')}</Heading>
      <ol className="stages" aria-label={t('stage.list')}>
        {CYCLE_STAGES.map((stage, i) => (
          <li
            key={stage}
            aria-current={stage === current ? 'step' : undefined}
            className={i < at ? 'stage-done' : undefined}
          >
            {t(`status.cycle.${stage}`)}
            <span className="stage-note">
              {i < at ? t('stage.done') : stage === current ? t('stage.current') : t('stage.later')}
            </span>
          </li>
        ))}
      </ol>
      {next ? (
        <ConfirmAction
          label={t('stage.move', { to: t(`status.cycle.${next}`) })}
          question={`${t('stage.confirm', {
            title: text(cycle.data.title),
            from: t(`status.cycle.${current}`),
            to: t(`status.cycle.${next}`),
          })} ${t(`stage.effect.${next}`)}`}
          confirmLabel={t('stage.confirm_button', { to: t(`status.cycle.${next}`) })}
          danger={false}
          disabled={move.isPending}
          onConfirm={() => {
            move.reset();
            setMoved(null);
            move.mutate(next);
          }}
        />
      ) : (
        <p>{t('stage.final')}</p>
      )}
      <p role="status">{moved && t('stage.moved', { to: t(`status.cycle.${moved}`) })}</p>
      <Refusal
        error={move.error}
        onReload={() => {
          move.reset();
          onReload();
        }}
      />
    </section>
  );
}
