import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { useLocalized } from '@/i18n/localized';
import type { Evaluation } from './lookups';

interface Props {
  evaluation: Evaluation;
  /** The award cycle of a nomination's evaluation, when it could be found. */
  cycle?: components['schemas']['Cycle'];
  /** The monitoring round of a round's evaluation, when it is loaded. */
  round?: components['schemas']['Round'];
}

/** What an evaluation is for: a nomination in an award cycle, or a monitoring round. */
export function EvaluationContext({ evaluation, cycle, round }: Props) {
  const { t } = useTranslation('evaluate');
  const { text } = useLocalized();
  if (evaluation.nomination_id != null) {
    return (
      <>
        {t('context.nomination', { id: evaluation.nomination_id })}
        {cycle && (
          <>
            <br />
            <Link to={`/awards/cycles/${cycle.id}`}>{text(cycle.title)}</Link>
          </>
        )}
      </>
    );
  }
  if (evaluation.round_id != null) {
    return (
      <>
        {t('context.round')}
        <br />
        <span>
          {round ? t('context.round_title', { title: text(round.title), year: round.year }) : t('context.round_id', { id: evaluation.round_id })}
        </span>
      </>
    );
  }
  return null;
}
