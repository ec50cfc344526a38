import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { pick, useLocalized, type LocalizedText } from '@/i18n/localized';
import { regionsOf, useCountries, useProvinces } from '@/api/reference';
import { networksQueries } from '@/features/networks';
import { oneOf } from '@/lib/choices';
import {
  GROUPS,
  REGIONS,
  SORTS,
  YEAR,
  joinRange,
  readView,
  splitRange,
  type DirectoryView,
} from './directoryView';

/** How long typing pauses before the search is sent. */
export const DEBOUNCE_MS = 400;

interface Props {
  view: DirectoryView;
  /** Admin and secretariat may list archived cities. */
  staff: boolean;
  /** Shows another view (from its first page). */
  onChange(view: DirectoryView): void;
}

/** The join-year range of the two year inputs, or null while one of them is not a year yet. */
function draftRange(from: string, to: string): string | null {
  const ok = (year: string) => year === '' || YEAR.test(year);
  return ok(from) && ok(to) ? joinRange(from, to) : null;
}

/** The message key of a sort: `-name` is `name_desc`. */
function sortKey(sort: string): string {
  return sort.startsWith('-') ? `${sort.slice(1)}_desc` : sort;
}

/** Keeps the current value selectable while the reference list that names it is loading. */
function missingOption(value: string, known: boolean) {
  return value && !known ? <option value={value}>{value}</option> : null;
}

/**
 * The directory's search form: a name search and the join-year range (sent after a pause in typing,
 * or at once with the button), the select filters and the order (sent when chosen).
 */
export function CityFilters({ view, staff, onChange }: Props) {
  const { t } = useTranslation('cities');
  const { language } = useLocalized();
  const yearHint = useId();
  const countries = useCountries();
  const provinces = useProvinces();
  const networks = useQuery({ ...networksQueries.everyNetwork(), select: (page) => page.items, staleTime: Infinity });

  const [q, setQ] = useState(view.q);
  const [from, setFrom] = useState(() => splitRange(view.member_since).from);
  const [to, setTo] = useState(() => splitRange(view.member_since).to);

  // The typed fields follow the URL when it changes from elsewhere (back button, a link), but not
  // when the change is the one this form sent: the URL is updated in a transition, and typing may
  // have gone on meanwhile.
  const sent = useRef({ q: view.q, member_since: view.member_since });
  useEffect(() => {
    if (view.q !== sent.current.q) setQ(view.q);
    if (view.member_since !== sent.current.member_since) {
      const range = splitRange(view.member_since);
      setFrom(range.from);
      setTo(range.to);
    }
    sent.current = { q: view.q, member_since: view.member_since };
  }, [view.q, view.member_since]);
  const send = useCallback(
    (next: DirectoryView) => {
      sent.current = { q: next.q.trim() ? next.q : '', member_since: next.member_since };
      onChange({ ...next, cursor: '' });
    },
    [onChange],
  );

  const text = (value: LocalizedText) => pick(value, language);
  const countryList = useMemo(() => {
    const collator = new Intl.Collator(language);
    return [...(countries.data?.values() ?? [])].sort((a, b) => collator.compare(pick(a.name, language), pick(b.name, language)));
  }, [countries.data, language]);
  const regions = useMemo(() => regionsOf(provinces.data?.values() ?? []), [provinces.data]);
  const provinceList = useMemo(() => {
    const collator = new Intl.Collator(language);
    return [...(provinces.data?.values() ?? [])]
      .filter((p) => !view.th_region || p.region.key === view.th_region)
      .sort((a, b) => collator.compare(pick(a.name, language), pick(b.name, language)));
  }, [provinces.data, view.th_region, language]);

  /** The view with what is typed so far and `changes`. */
  const apply = (changes: Partial<DirectoryView> = {}) => {
    send({ ...view, q, member_since: draftRange(from, to) ?? view.member_since, ...changes });
  };

  useEffect(() => {
    const since = draftRange(from, to);
    // Spaces alone are no search (and never reach the URL): nothing to send.
    const typed = q.trim() ? q : '';
    if (typed === view.q && (since === null || since === view.member_since)) return;
    const timer = setTimeout(() => {
      send({ ...view, q, member_since: since ?? view.member_since });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, from, to, view, send]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply();
  };

  const thaiOnly = view.country === '' || view.country === 'TH';

  return (
    <>
      <form className="filters city-filters" role="search" aria-label={t('filters.label')} onSubmit={submit}>
        <label>
          {t('filters.q')}
          <input type="search" name="q" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          {t('filters.country')}
          <select
            name="country"
            value={view.country}
            onChange={(e) => {
              const country = e.target.value;
              const thai = country === '' || country === 'TH';
              apply(thai ? { country } : { country, province: '', th_region: '' });
            }}
          >
            <option value="">{t('filters.any_country')}</option>
            {missingOption(view.country, countries.data?.has(view.country) ?? false)}
            {countryList.map((c) => (
              <option key={c.code} value={c.code}>
                {text(c.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.group')}
          <select
            name="group"
            value={view.group}
            onChange={(e) => apply({ group: oneOf(e.target.value, GROUPS) ?? '' })}
          >
            <option value="">{t('filters.any_group')}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        {thaiOnly && (
          <>
            <label>
              {t('filters.region')}
              <select
                name="th_region"
                value={view.th_region}
                onChange={(e) => {
                  const th_region = oneOf(e.target.value, REGIONS) ?? '';
                  const province = provinces.data?.get(view.province);
                  const keep = !th_region || !province || province.region.key === th_region;
                  apply(keep ? { th_region } : { th_region, province: '' });
                }}
              >
                <option value="">{t('filters.any_region')}</option>
                {missingOption(view.th_region, regions.some((r) => r.key === view.th_region))}
                {regions.map((r) => (
                  <option key={r.key} value={r.key}>
                    {text(r.name)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('filters.province')}
              <select name="province" value={view.province} onChange={(e) => apply({ province: e.target.value })}>
                <option value="">{t('filters.any_province')}</option>
                {missingOption(view.province, provinceList.some((p) => p.code === view.province))}
                {provinceList.map((p) => (
                  <option key={p.code} value={p.code}>
                    {text(p.name)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          {t('filters.network')}
          <select name="network" value={view.network} onChange={(e) => apply({ network: e.target.value })}>
            <option value="">{t('filters.any_network')}</option>
            {missingOption(view.network, networks.data?.some((n) => n.slug === view.network) ?? false)}
            {networks.data?.map((n) => (
              <option key={n.slug} value={n.slug}>
                {text(n.name)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="year-range" aria-describedby={yearHint}>
          <legend>{t('filters.joined')}</legend>
          <label>
            {t('filters.joined_from')}
            <input
              name="joined_from"
              inputMode="numeric"
              pattern="[0-9]{4}"
              maxLength={4}
              size={5}
              value={from}
              onChange={(e) => setFrom(e.target.value.trim())}
            />
          </label>
          <label>
            {t('filters.joined_to')}
            <input
              name="joined_to"
              inputMode="numeric"
              pattern="[0-9]{4}"
              maxLength={4}
              size={5}
              value={to}
              onChange={(e) => setTo(e.target.value.trim())}
            />
          </label>
          <span id={yearHint} className="muted year-hint">
            {t('filters.year_hint')}
          </span>
        </fieldset>
        <label>
          {t('filters.sort')}
          <select
            name="sort"
            value={view.sort}
            onChange={(e) => apply({ sort: oneOf(e.target.value, SORTS) ?? 'name' })}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${sortKey(s)}`)}
              </option>
            ))}
          </select>
        </label>
        {staff && (
          <label className="checkbox">
            <input type="checkbox" name="archived" checked={view.archived} onChange={(e) => apply({ archived: e.target.checked })} />
            {t('filters.archived')}
          </label>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t('filters.search')}
          </button>
          <button
            type="button"
            onClick={() => {
              setQ('');
              setFrom('');
              setTo('');
              send({ ...readView(new URLSearchParams()), sort: view.sort });
            }}
          >
            {t('filters.clear')}
          </button>
        </div>
      </form>
      <ProblemAlert error={countries.error ?? provinces.error ?? networks.error} />
    </>
  );
}
