import { useParams, Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import NotFoundPage from '@/components/NotFoundPage';
import { evaluationsQueries } from '@/features/evaluations/api';
import { EvaluationContext } from './EvaluationContext';
import { ScoringForm } from './ScoringForm';
import { StatusBadge } from './StatusBadge';
import { useCyclesOf, useRounds, type Evaluation } from './lookups';
import './scoring.css';

/** `/evaluate/:id`: one assignment, its context, and the scoring form that follows its framework. */
export function ScoringPage() {
  const { id } = useParams();
  const evaluationId = Number(id);
  if (!Number.isSafeInteger(evaluationId) || evaluationId <= 0) return <NotFoundPage />;
  return <Scoring id={evaluationId} />;
}

function Scoring({ id }: { id: number }) {
  const { t } = useTranslation('evaluate');
  const { text } = useLocalized();
  const evaluation = useQuery(evaluationsQueries.detail(id));
  const slug = evaluation.data?.data.framework;
  const framework = useQuery({ ...evaluationsQueries.framework(slug ?? ''), enabled: !!slug });
  const e = evaluation.data?.data;
  return (
    <section>
      <p>
        <Link to="/evaluate">{t('score.back')}</Link>
      </p>
      <PageTitle>{e ? t('score.title', { city: text(e.city_name) }) : t('score.title_loading')}</PageTitle>
      <DataState query={{ data: e, error: evaluation.error, isPending: evaluation.isPending }}>
        {(loaded) => (
          <>
            <About evaluation={loaded} frameworkName={framework.data ? text(framework.data.name) : loaded.framework} />
            {framework.error ? (
              <ProblemAlert error={framework.error} />
            ) : !framework.data ? (
              <p className="loading" role="status">
                {t('loading', { ns: 'common' })}
              </p>
            ) : (
              <ScoringForm key={loaded.id} evaluation={loaded} etag={evaluation.data?.etag ?? null} framework={framework.data} />
            )}
          </>
        )}
      </DataState>
    </section>
  );
}

function About({ evaluation, frameworkName }: { evaluation: Evaluation; frameworkName: string }) {
  const { t } = useTranslation('evaluate');
  const { date, text } = useLocalized();
  const rounds = useRounds(evaluation.round_id != null);
  const { cycles, error } = useCyclesOf([evaluation]);
  return (
    <>
      <dl className="facts">
        <dt>{t('score.city')}</dt>
        <dd>
          <Link to={`/cities/${evaluation.city}`}>{t('score.city_profile', { city: text(evaluation.city_name) })}</Link>
        </dd>
        <dt>{t('score.context')}</dt>
        <dd>
          <EvaluationContext
            evaluation={evaluation}
            cycle={cycles.get(evaluation.id)}
            round={evaluation.round_id != null ? rounds.data?.get(evaluation.round_id) : undefined}
          />
        </dd>
        <dt>{t('score.framework')}</dt>
        <dd>{frameworkName}</dd>
        <dt>{t('score.status')}</dt>
        <dd>
          <StatusBadge status={evaluation.status} />
        </dd>
        <dt>{t('score.assigned_on')}</dt>
        <dd>{date(evaluation.created_at)}</dd>
        {evaluation.submitted_at && (
          <>
            <dt>{t('score.submitted_on')}</dt>
            <dd>{date(evaluation.submitted_at)}</dd>
          </>
        )}
      </dl>
      <ProblemAlert error={rounds.error ?? error} />
    </>
  );
}
