import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { SelectField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { CityPicker } from '@/components/CityPicker';
import { awardsQueries } from '@/features/awards';
import { idParam } from '@/lib/choices';
import { evaluationsApi } from '@/features/evaluations/api';
import { Refusal } from '@/components/Refusal';
import { EvaluatorField, evaluatorId } from './evaluators';
import { useRounds } from './rounds';

type Evaluation = components['schemas']['Evaluation'];
type Kind = 'nomination' | 'round';

/** The nominations of a cycle to choose from, and the framework they are judged against. */
function NominationChoice({ cycle, value, onChange, problem }: { cycle: number; value: string; onChange(v: string): void; problem: unknown }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const detail = useQuery(awardsQueries.versionedCycle(cycle));
  const nominations = useQuery(awardsQueries.nominationList({ cycle, limit: 200 }));
  return (
    <>
      <DataState query={nominations}>
        {(page) => (
          <SelectField
            label={t('assign.nomination')}
            name="nomination"
            problem={problem}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            required
            hint={page.items.length === 0 ? t('assign.no_nominations') : undefined}
          >
            <option value="">{t('assign.choose_nomination')}</option>
            {page.items.map((n) => (
              <option key={n.id} value={String(n.id)} disabled={n.status === 'withdrawn'}>
                {t('assign.nomination_option', {
                  city: text(n.city_name),
                  category: text(detail.data?.data.categories.find((c) => c.slug === n.category)?.name) || n.category,
                  status: t(`status.nomination.${n.status}`),
                })}
              </option>
            ))}
          </SelectField>
        )}
      </DataState>
      <DataState query={detail}>
        {(c) =>
          c.data.framework ? (
            <p>{t('assign.framework_of_cycle', { framework: c.data.framework })}</p>
          ) : (
            <p className="alert alert-warning">
              {t('assign.cycle_without_framework')}{' '}
              <Link to={`/manage/awards/cycles/${cycle}/edit`}>{t('assign.set_framework')}</Link>
            </p>
          )
        }
      </DataState>
    </>
  );
}

/**
 * Assigns an evaluator (`POST /evaluations`) to a nomination of a cycle, judged against the
 * cycle's framework, or to a city of a monitoring round, against the round's framework. The API
 * refuses conflicts of interest and says why.
 */
export default function AssignPage() {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const cycles = useQuery(awardsQueries.cycleList({ limit: 200 }));
  const rounds = useRounds();
  const [kind, setKind] = useState<Kind>(params.has('round') ? 'round' : 'nomination');
  const [cycle, setCycle] = useState(params.get('cycle') ?? '');
  const [nomination, setNomination] = useState(params.get('nomination') ?? '');
  const [round, setRound] = useState(params.get('round') ?? '');
  const [city, setCity] = useState(params.get('city') ?? '');
  const [evaluator, setEvaluator] = useState('');
  const [noEvaluator, setNoEvaluator] = useState(false);
  const [assigned, setAssigned] = useState<Evaluation | null>(null);
  const assign = useMutation({
    mutationFn: (who: number) =>
      evaluationsApi.assign(
        kind === 'nomination'
          ? { evaluator: who, nomination: idParam(nomination) ?? null }
          : { evaluator: who, round: idParam(round) ?? null, city: city || null },
      ),
    onSuccess: async (evaluation) => {
      setAssigned(evaluation);
      await queryClient.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAssigned(null);
    const who = evaluatorId(evaluator);
    setNoEvaluator(who === null);
    if (who === null) {
      assign.reset();
      return;
    }
    assign.mutate(who);
  };
  const cycleId = idParam(cycle);
  const chosenRound = rounds.data?.items.find((r) => String(r.id) === round);
  return (
    <>
      <PageTitle>{t('assign.title')}</PageTitle>
      <p className="muted">{t('assign.intro')}</p>
      <form className="form manage-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('assign.what')}</legend>
          <div className="choice">
            <label>
              <input
                type="radio"
                name="kind"
                value="nomination"
                checked={kind === 'nomination'}
                onChange={() => setKind('nomination')}
              />
              {t('assign.kind_nomination')}
            </label>
            <label>
              <input type="radio" name="kind" value="round" checked={kind === 'round'} onChange={() => setKind('round')} />
              {t('assign.kind_round')}
            </label>
          </div>
          {kind === 'nomination' ? (
            <>
              <DataState query={cycles}>
                {(page) => (
                  <SelectField
                    label={t('assign.cycle')}
                    name="cycle"
                    value={cycle}
                    onChange={(e) => {
                      setCycle(e.target.value);
                      setNomination('');
                    }}
                    required
                  >
                    <option value="">{t('assign.choose_cycle')}</option>
                    {page.items.map((c) => (
                      <option key={c.id} value={String(c.id)}>
                        {t('evaluations.cycle_option', { title: text(c.title), status: t(`status.cycle.${c.status}`) })}
                      </option>
                    ))}
                  </SelectField>
                )}
              </DataState>
              {cycleId !== undefined && (
                <NominationChoice cycle={cycleId} value={nomination} onChange={setNomination} problem={assign.error} />
              )}
            </>
          ) : (
            <>
              <DataState query={rounds}>
                {(page) => (
                  <SelectField
                    label={t('assign.round')}
                    name="round"
                    problem={assign.error}
                    value={round}
                    onChange={(e) => setRound(e.target.value)}
                    required
                  >
                    <option value="">{t('assign.choose_round')}</option>
                    {page.items.map((r) => (
                      <option key={r.id} value={String(r.id)} disabled={r.status === 'published'}>
                        {t('evaluations.round_option', { title: text(r.title), status: t(`status.round.${r.status}`) })}
                      </option>
                    ))}
                  </SelectField>
                )}
              </DataState>
              {chosenRound && <p>{t('assign.framework_of_round', { framework: chosenRound.framework })}</p>}
              <CityPicker label={t('assign.city')} name="city" value={city} onChange={setCity} problem={assign.error} />
            </>
          )}
        </fieldset>
        <EvaluatorField value={evaluator} onChange={setEvaluator} problem={assign.error} />
        {noEvaluator && (
          <p className="field-error" role="alert">
            {t('assign.evaluator_required')}
          </p>
        )}
        <Refusal error={assign.error} />
        <p role="status">
          {assigned && t('assign.assigned', { id: assigned.id, city: text(assigned.city_name), framework: assigned.framework })}
        </p>
        {assigned && (
          <p>
            <Link
              to={assigned.nomination_id != null ? `/manage/evaluations?cycle=${cycle}` : `/manage/evaluations?round=${assigned.round_id ?? ''}`}
            >
              {t('assign.see_evaluations')}
            </Link>
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={assign.isPending}>
            {assign.isPending ? t('actions.saving') : t('assign.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
