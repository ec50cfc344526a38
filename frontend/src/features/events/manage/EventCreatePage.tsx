import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { eventsApi, eventsKeys } from '../api';
import type { EventInput } from '../model';
import { EventFields } from './EventFields';
import { emptyEvent, eventCreateBody, type EventValues } from './eventForm';

/** What the edit page is told after an event was created or proposed. */
export interface CreatedState {
  created: true;
}

interface Props {
  /** The list the page belongs to (`/admin/events`, `/my-city/events`); the new event opens under it. */
  base: string;
  /** A city editor's city: the event is proposed for it, and it starts among the participating cities. */
  city?: string;
}

/**
 * A new event: created and published at once by the secretariat (`/admin/events/new`), or
 * proposed for their city by a city editor (`/my-city/events/new`); then its edit page.
 */
export function EventCreatePage({ base, city }: Props) {
  const { t } = useTranslation(['events', 'admin']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<EventValues>(() => emptyEvent(city));
  const create = useMutation({
    mutationFn: (body: EventInput) => eventsApi.create(body),
    onSuccess: (event) => {
      void queryClient.invalidateQueries({ queryKey: eventsKeys.all });
      const state: CreatedState = { created: true };
      navigate(`${base}/${encodeURIComponent(event.slug)}`, { state });
    },
  });
  const setValue = <K extends keyof EventValues>(field: K, value: EventValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  return (
    <>
      <PageTitle>{t(city ? 'manage.propose_title' : 'manage.create_title')}</PageTitle>
      <p>
        <Link to={base}>{t(city ? 'manage.back_city' : 'manage.back')}</Link>
      </p>
      {city && <p>{t('manage.propose_intro')}</p>}
      <form
        className="form manage-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(eventCreateBody(values));
        }}
      >
        <ProblemAlert error={create.error} />
        <EventFields values={values} setValue={setValue} problem={create.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('saving', { ns: 'admin' }) : t(city ? 'manage.propose' : 'manage.create')}
          </button>
        </div>
      </form>
    </>
  );
}
