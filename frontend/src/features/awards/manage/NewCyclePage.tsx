import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { DataState } from '@/components/DataState';
import { SelectField, TextField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { awardsApi, awardsQueries } from '@/features/awards/api';
import { Refusal } from '@/components/Refusal';
import { CycleFields } from './CycleFields';
import { createBody, EMPTY_CATEGORY, EMPTY_CYCLE, type CategoryValues, type CycleValues } from './cycleForm';
import '@/components/manage.css';

/** Creates a draft cycle of a programme, with its categories (`POST /award-cycles`). */
export default function NewCyclePage() {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programmes = useQuery(awardsQueries.programmeList({ limit: 200 }));
  const [programme, setProgramme] = useState(params.get('programme') ?? '');
  const [year, setYear] = useState('');
  const [values, setValues] = useState<CycleValues>(EMPTY_CYCLE);
  const [categories, setCategories] = useState<CategoryValues[]>([EMPTY_CATEGORY]);
  const create = useMutation({
    mutationFn: () => awardsApi.createCycle(createBody(programme, year, values, categories)),
    onSuccess: async (cycle) => {
      await queryClient.invalidateQueries();
      void navigate(`/manage/awards/cycles/${cycle.id}`);
    },
  });
  const setCategory = (i: number, key: keyof CategoryValues, value: string) =>
    setCategories(categories.map((c, j) => (j === i ? { ...c, [key]: value } : c)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <p>
        <Link to="/manage/awards">{t('awards.back')}</Link>
      </p>
      <PageTitle>{t('new_cycle.title')}</PageTitle>
      <p className="muted">{t('new_cycle.intro')}</p>
      <form className="form manage-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <DataState query={programmes}>
            {(page) => (
              <SelectField
                label={t('new_cycle.programme')}
                name="programme"
                problem={create.error}
                value={programme}
                onChange={(e) => setProgramme(e.target.value)}
                required
              >
                <option value="">{t('new_cycle.choose_programme')}</option>
                {page.items.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {text(p.name)}
                  </option>
                ))}
              </SelectField>
            )}
          </DataState>
          <TextField
            label={t('new_cycle.year')}
            name="year"
            type="number"
            inputMode="numeric"
            min={1900}
            max={2200}
            problem={create.error}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            required
            hint={t('new_cycle.year_hint')}
          />
        </div>
        <CycleFields
          values={values}
          setValue={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
          problem={create.error}
        />
        <fieldset>
          <legend>{t('new_cycle.categories')}</legend>
          <p className="muted">{t('new_cycle.categories_hint')}</p>
          {categories.map((c, i) => (
            <div className="category-row" key={i} role="group" aria-label={t('new_cycle.category_n', { n: i + 1 })}>
              <div className="form-grid">
                <TextField
                  label={t('new_cycle.category_name_en', { n: i + 1 })}
                  name={`categories[${i}].name.en`}
                  problem={create.error}
                  value={c.name_en}
                  onChange={(e) => setCategory(i, 'name_en', e.target.value)}
                  required
                  lang="en"
                />
                <TextField
                  label={t('new_cycle.category_name_th', { n: i + 1 })}
                  name={`categories[${i}].name.th`}
                  problem={create.error}
                  value={c.name_th}
                  onChange={(e) => setCategory(i, 'name_th', e.target.value)}
                  lang="th"
                />
                <TextField
                  label={t('new_cycle.category_slug', { n: i + 1 })}
                  name={`categories[${i}].slug`}
                  problem={create.error}
                  value={c.slug}
                  onChange={(e) => setCategory(i, 'slug', e.target.value)}
                  hint={t('new_cycle.category_slug_hint')}
                />
              </div>
              <div className="form-grid">
                <TextField
                  label={t('new_cycle.category_description_en', { n: i + 1 })}
                  name={`categories[${i}].description.en`}
                  problem={create.error}
                  value={c.description_en}
                  onChange={(e) => setCategory(i, 'description_en', e.target.value)}
                  lang="en"
                />
                <TextField
                  label={t('new_cycle.category_description_th', { n: i + 1 })}
                  name={`categories[${i}].description.th`}
                  problem={create.error}
                  value={c.description_th}
                  onChange={(e) => setCategory(i, 'description_th', e.target.value)}
                  lang="th"
                />
              </div>
              {categories.length > 1 && (
                <button type="button" className="danger" onClick={() => setCategories(categories.filter((_, j) => j !== i))}>
                  {t('new_cycle.remove_category', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          {categories.length < 50 && (
            <p>
              <button type="button" onClick={() => setCategories([...categories, EMPTY_CATEGORY])}>
                {t('new_cycle.add_category')}
              </button>
            </p>
          )}
        </fieldset>
        <Refusal error={create.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('actions.saving') : t('new_cycle.submit')}
          </button>
          <Link to="/manage/awards">{t('actions.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
