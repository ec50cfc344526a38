import { useCallback, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { StaleEditNotice, useSafeEdit } from '@/components/forms/StaleEdit';
import { useLocalized } from '@/i18n/localized';
import { eventsApi, eventsKeys } from '../api';
import { eventPath, type Event, type EventInput } from '../model';
import { EventFields, eventLabel, showEventValue } from './EventFields';
import { ProposalActions } from './ProposalActions';
import { eventPatch, eventValues, type EventValues } from './eventForm';

interface Props {
  /** The list the page belongs to (`/admin/events`, `/my-city/events`). */
  base: string;
  /** Admin and secretariat: archive, and publish or return a proposal. */
  staff: boolean;
}

/** The patch of the changed fields; the venue is sent whole, from the record with the changes over it. */
function toPatch(changes: Partial<EventValues>, record: Event): EventInput {
  return eventPatch(changes, eventValues(record));
}

function isCreated(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'created' in state;
}

/**
 * Edits one event safely (If-Match, conflicts resolved with the user): the secretariat any event,
 * with archiving and the decision on a proposal; a city editor their city's proposals.
 */
export function EventEditPage({ base, staff }: Props) {
  const { slug = '' } = useParams();
  // A publish or return changes the version: the editor starts again from the current one.
  const [generation, setGeneration] = useState(0);
  return (
    <EventEditor
      key={`${slug}/${generation}`}
      slug={slug}
      generation={generation}
      base={base}
      staff={staff}
      reload={() => setGeneration((g) => g + 1)}
    />
  );
}

function EventEditor({ slug, generation, base, staff, reload }: Props & { slug: string; generation: number; reload(): void }) {
  const { t } = useTranslation(['events', 'admin']);
  const { text } = useLocalized();
  const navigate = useNavigate();
  const location = useLocation();
  const load = useCallback(() => eventsApi.load(slug), [slug]);
  const save = useCallback((patch: EventInput, etag: string | null) => eventsApi.save(slug, patch, etag), [slug]);
  const edit = useSafeEdit<Event, EventValues, EventInput>({
    // Each generation is loaded afresh, not taken from the cache of the one before.
    queryKey: [...eventsKeys.detail(slug), generation],
    load,
    save,
    toValues: eventValues,
    toPatch,
    invalidate: [eventsKeys.all],
    onSaved: (saved) => {
      if (saved.slug !== slug) navigate(`${base}/${encodeURIComponent(saved.slug)}`, { replace: true });
    },
  });
  const record = edit.record;
  const name = record ? text(record.title) : slug;
  const published = record?.status === 'published';

  return (
    <>
      <PageTitle>{t('manage.edit_title', { name })}</PageTitle>
      <p>
        <Link to={base}>{t(staff ? 'manage.back' : 'manage.back_city')}</Link>
      </p>
      {isCreated(location.state) && record && (
        <p className="alert alert-ok" role="status">
          {published ? (
            <>
              {t('manage.created')} <Link to={eventPath(record.slug)}>{t('manage.public_page', { name })}</Link>
            </>
          ) : (
            t('manage.proposed')
          )}
        </p>
      )}
      <DataState query={edit.state}>
        {({ record: event, values, etag }) => (
          <>
            <p>
              {t('manage.status_line')} <span className={`badge status-${event.status}`}>{t(`status.${event.status}`)}</span>
              {event.status === 'published' && (
                <>
                  {' · '}
                  <Link to={eventPath(event.slug)}>{t('manage.public_page', { name: text(event.title) })}</Link>
                </>
              )}
            </p>
            {event.review_note && event.status === 'returned' && (
              <p className="alert alert-warning">{t('detail.review_note', { note: event.review_note })}</p>
            )}
            {staff && event.status === 'proposed' && (
              <section aria-labelledby="event-review" className="confirm">
                <h2 id="event-review">{t('manage.proposal.heading')}</h2>
                <ProposalActions event={event} etag={etag} onDone={reload} onReload={reload} />
              </section>
            )}
            {!staff && event.status === 'published' ? (
              <p>{t('manage.published_by_secretariat')}</p>
            ) : (
            <form
              className="form manage-form"
              onSubmit={(e) => {
                e.preventDefault();
                void edit.save();
              }}
            >
              <StaleEditNotice
                edit={edit}
                label={(field) => eventLabel(t, field)}
                format={(field, value) => showEventValue(t, field, value)}
                removeLabel={t('manage.archive_current')}
              />
              <EventFields values={values} setValue={edit.setValue} problem={edit.problem} />
              <div className="actions">
                <button type="submit" className="primary" disabled={!edit.dirty || edit.saving}>
                  {edit.saving ? t('saving', { ns: 'admin' }) : t('save', { ns: 'admin' })}
                </button>
                {edit.dirty && <span className="muted">{t('unsaved_fields', { ns: 'admin', count: edit.changedFields.length })}</span>}
                {staff && (
                  <ConfirmAction
                    label={t('manage.archive')}
                    question={t('manage.archive_question', { name: text(event.title) })}
                    confirmLabel={t('manage.archive_confirm')}
                    disabled={edit.saving}
                    onConfirm={() =>
                      edit.remove(
                        (currentEtag) => eventsApi.archive(slug, currentEtag),
                        () => navigate(base, { state: { archived: text(event.title) } }),
                      )
                    }
                  />
                )}
              </div>
            </form>
            )}
          </>
        )}
      </DataState>
    </>
  );
}
