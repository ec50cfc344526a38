import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { Pager } from '@/components/Pager';
import { PageTitle } from '@/components/PageTitle';
import { TextAreaField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { CityPicker } from '@/components/CityPicker';
import { useCursorPages } from '@/lib/paging';
import { evaluationsApi, evaluationsQueries } from '@/features/evaluations/api';
import { Refusal } from '@/components/Refusal';
import { EvaluatorField, EvaluatorName, evaluatorId } from './evaluators';

type Conflict = components['schemas']['Conflict'];

/** Records a conflict of interest between an evaluator and a city (`POST /conflicts`). */
function DeclareForm() {
  const { t } = useTranslation('manage');
  const queryClient = useQueryClient();
  const [evaluator, setEvaluator] = useState('');
  const [city, setCity] = useState('');
  const [reason, setReason] = useState('');
  const [declared, setDeclared] = useState<Conflict | null>(null);
  const [noEvaluator, setNoEvaluator] = useState(false);
  const declare = useMutation({
    mutationFn: (who: number) => evaluationsApi.declareConflict({ evaluator: who, city, reason: reason.trim() }),
    onSuccess: async (conflict) => {
      setDeclared(conflict);
      setCity('');
      setReason('');
      await queryClient.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDeclared(null);
    const who = evaluatorId(evaluator);
    setNoEvaluator(who === null);
    if (who === null) {
      declare.reset();
      return;
    }
    declare.mutate(who);
  };
  return (
    <form className="form manage-form" onSubmit={submit} noValidate aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t('conflicts.declare_heading')}</h2>
      <p className="muted">{t('conflicts.declare_intro')}</p>
      <div className="form-grid">
        <EvaluatorField value={evaluator} onChange={setEvaluator} problem={declare.error} />
        <CityPicker label={t('conflicts.city')} name="city" value={city} onChange={setCity} problem={declare.error} />
      </div>
      {noEvaluator && (
        <p className="field-error" role="alert">
          {t('assign.evaluator_required')}
        </p>
      )}
      <TextAreaField
        label={t('conflicts.reason')}
        name="reason"
        problem={declare.error}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        maxLength={1000}
        required
      />
      <Refusal error={declare.error} />
      <p role="status">{declared && t('conflicts.declared', { city: declared.city })}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={declare.isPending}>
          {declare.isPending ? t('actions.saving') : t('conflicts.submit')}
        </button>
      </div>
    </form>
  );
}

/** The declared conflicts of interest (every evaluator's), and a form to record one. */
export default function ConflictsPage() {
  const { t } = useTranslation('manage');
  const { date } = useLocalized();
  const pages = useCursorPages('');
  const conflicts = useQuery(evaluationsQueries.conflicts(pages.cursor));
  return (
    <>
      <PageTitle>{t('conflicts.title')}</PageTitle>
      <p className="muted">{t('conflicts.intro')}</p>
      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">{t('conflicts.list')}</h2>
        <DataState query={conflicts}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t('conflicts.empty')}</p>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="data">
                    <caption className="visually-hidden">{t('conflicts.list')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('conflicts.evaluator')}</th>
                        <th scope="col">{t('conflicts.city')}</th>
                        <th scope="col">{t('conflicts.reason')}</th>
                        <th scope="col">{t('conflicts.declared_by')}</th>
                        <th scope="col">{t('conflicts.date')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((c) => (
                        <tr key={c.id}>
                          <th scope="row">
                            <EvaluatorName id={c.evaluator_id} />
                          </th>
                          <td>
                            <Link to={`/cities/${c.city}`}>{c.city}</Link>
                          </td>
                          <td>{c.reason}</td>
                          <td>
                            {c.declared_by === c.evaluator_id
                              ? t('conflicts.self')
                              : t('evaluators.by_id', { id: c.declared_by })}
                          </td>
                          <td>{date(c.created_at)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager
                  shown={page.items.length}
                  total={page.total}
                  hasPrevious={pages.hasPrevious}
                  hasNext={!!page.next_cursor}
                  onPrevious={pages.previous}
                  onNext={() => page.next_cursor && pages.next(page.next_cursor)}
                />
              </>
            )
          }
        </DataState>
      </section>
      <DeclareForm />
    </>
  );
}
