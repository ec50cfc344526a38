import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { SelectField, TextField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { evaluationsApi, evaluationsQueries } from '@/features/evaluations/api';
import { Refusal } from '@/components/Refusal';
import { StatusBadge } from '@/components/StatusBadge';
import { PublishRound, useRounds, type Round } from './rounds';

/** Creates a monitoring round (`POST /monitoring-rounds`): a framework, a year and a title. */
function NewRoundForm() {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const frameworks = useQuery(evaluationsQueries.frameworkList());
  const [framework, setFramework] = useState('');
  const [year, setYear] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [titleTh, setTitleTh] = useState('');
  const [created, setCreated] = useState<Round | null>(null);
  const create = useMutation({
    mutationFn: () =>
      evaluationsApi.createRound({
        framework,
        year: Number(year),
        title: { en: titleEn.trim() || null, th: titleTh.trim() || null },
      }),
    onSuccess: async (round) => {
      setCreated(round);
      setYear('');
      setTitleEn('');
      setTitleTh('');
      await queryClient.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate();
  };
  return (
    <form className="form manage-form" onSubmit={submit} noValidate aria-labelledby="new-round-heading">
      <h2 id="new-round-heading">{t('rounds.new_heading')}</h2>
      <div className="form-grid">
        <DataState query={frameworks}>
          {(page) => (
            <SelectField
              label={t('rounds.framework')}
              name="framework"
              problem={create.error}
              value={framework}
              onChange={(e) => setFramework(e.target.value)}
              required
            >
              <option value="">{t('rounds.choose_framework')}</option>
              {page.items.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {text(f.name)} ({f.slug})
                </option>
              ))}
            </SelectField>
          )}
        </DataState>
        <TextField
          label={t('rounds.year')}
          name="year"
          type="number"
          inputMode="numeric"
          min={1900}
          max={2200}
          problem={create.error}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          required
        />
        <TextField
          label={t('rounds.title_en')}
          name="title.en"
          problem={create.error}
          value={titleEn}
          onChange={(e) => setTitleEn(e.target.value)}
          required
          lang="en"
        />
        <TextField
          label={t('rounds.title_th')}
          name="title.th"
          problem={create.error}
          value={titleTh}
          onChange={(e) => setTitleTh(e.target.value)}
          lang="th"
        />
      </div>
      <Refusal error={create.error} />
      <p role="status">{created && t('rounds.created', { title: text(created.title) })}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t('actions.saving') : t('rounds.create')}
        </button>
      </div>
    </form>
  );
}

/** The monitoring rounds, each with its evaluations, assignments and publication, and a new round. */
export default function RoundsPage() {
  const { t } = useTranslation('manage');
  const { text, date } = useLocalized();
  const rounds = useRounds();
  return (
    <>
      <PageTitle>{t('rounds.title')}</PageTitle>
      <p className="muted">{t('rounds.intro')}</p>
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('rounds.list')}</h2>
        <DataState query={rounds}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t('rounds.empty')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('rounds.list')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rounds.round')}</th>
                      <th scope="col">{t('rounds.year')}</th>
                      <th scope="col">{t('rounds.framework')}</th>
                      <th scope="col">{t('rounds.status')}</th>
                      <th scope="col">{t('rounds.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">{text(r.title)}</th>
                        <td>{r.year}</td>
                        <td>
                          <Link to={`/manage/evaluations/frameworks/${r.framework}`}>{r.framework}</Link>
                        </td>
                        <td>
                          <StatusBadge kind="round" status={r.status} />
                          {r.published_at && <span className="stage-note">{date(r.published_at)}</span>}
                        </td>
                        <td>
                          <div className="actions">
                            <Link to={`/manage/evaluations?round=${r.id}`}>{t('rounds.evaluations')}</Link>
                            {r.status !== 'published' && (
                              <Link to={`/manage/evaluations/assign?round=${r.id}`}>{t('rounds.assign')}</Link>
                            )}
                            <PublishRound round={r} />
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </DataState>
      </section>
      <NewRoundForm />
    </>
  );
}
