import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { components } from '@/api/schema';
import { storeTokens } from '@/auth/session';
import { typeInto, UI_TEST_TIMEOUT } from '@/components/forms/testing';
import { problem } from '@/test/manageData';
import { fakeApi, renderAt } from '@/test/render';
import { aseanConference2024, eventPage, learningCityWeek2027, series } from '../fixtures';
import type { Event } from '../model';
import CityEventsArea from './CityEventsArea';
import EventsAdminArea from './EventsAdminArea';

const slow = { timeout: 5000 };

/** Signs in with `role` (of `city`), and answers `GET /me` as the service would for the account. */
function signedInAs(role: components['schemas']['Role'], city: string | null = null) {
  storeTokens({ access_token: 'access', refresh_token: 'refresh', expires_in: 3600 });
  return { 'GET /api/v1/me': { body: { id: 1, email: `${role}@example.org`, display_name: `Test ${role}`, role, city } } };
}

/** What the form reads besides the event: the series, networks, organisations and city suggestions. */
const lookups = {
  'GET /api/v1/event-series': { body: series },
  'GET /api/v1/networks': { body: { items: [], total: 0, next_cursor: null } },
  'GET /api/v1/cities': { body: { items: [], total: 0, next_cursor: null } },
  'GET /api/v1/organisations': {
    body: {
      items: [
        {
          id: 2,
          slug: 'unesco-bangkok',
          name: { en: 'UNESCO Regional Office in Bangkok', th: null },
          abbreviation: null,
          kind: 'un_agency',
          country: null,
          website: null,
          description: null,
          roles: [],
          sources: [],
          verified: true,
          unverified_reason: null,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        },
      ],
      total: 1,
      next_cursor: null,
    },
  },
};

/** The new event as the service answers the create. */
const created: Event = {
  ...learningCityWeek2027,
  slug: 'e2e-forum',
  title: { en: 'Phayao Learning Forum', th: null },
  venue: null,
  sessions: [],
  cities: [],
};

function admin(path: string) {
  return renderAt(<EventsAdminArea />, { path, route: '/admin/events/*' });
}

/** The fieldset of a row of the form, by its legend. */
function row(name: string) {
  return within(screen.getByRole('group', { name }));
}

async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('the event editor', () => {
  it('creates an event with its agenda, a speaker, a participating city and an organiser, then opens it', async () => {
    const user = userEvent.setup();
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...lookups,
      'POST /api/v1/events': { status: 201, body: created, headers: { ETag: '"1"' } },
      'GET /api/v1/events/e2e-forum': { body: created, headers: { ETag: '"1"' } },
    });
    const { container } = await admin('/admin/events/new');
    await typeInto(user, await screen.findByLabelText('Title in English', undefined, slow), 'Phayao Learning Forum');
    await user.selectOptions(screen.getByLabelText('Type'), 'forum');
    expect(screen.getByLabelText('Time zone')).toHaveValue('Asia/Bangkok');
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2027-03-01' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2027-03-02' } });
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '09:00' } });
    await typeInto(user, screen.getByLabelText('Languages'), 'th, EN');

    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    expect(row('Session 1').getByLabelText('Session title in English')).toHaveFocus();
    await typeInto(user, row('Session 1').getByLabelText('Session title in English'), 'Opening');
    fireEvent.change(row('Session 1').getByLabelText('Day'), { target: { value: '2027-03-01' } });
    fireEvent.change(row('Session 1').getByLabelText('Starts at'), { target: { value: '09:00' } });
    await user.click(row('Session 1').getByRole('button', { name: 'Add a speaker to session 1' }));
    await typeInto(user, row('Speakers of session 1').getByLabelText('Name of speaker 1'), 'Test Speaker');
    await typeInto(user, row('Speakers of session 1').getByLabelText('Role or title of speaker 1'), 'Mayor');
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    await typeInto(user, row('Session 2').getByLabelText('Session title in English'), 'City exchange');
    await user.selectOptions(row('Session 2').getByLabelText('Part of the day'), 'afternoon');
    await user.selectOptions(row('Session 2').getByLabelText('Streamed live'), 'no');

    await user.click(screen.getByRole('button', { name: 'Add a city' }));
    await typeInto(user, row('City 1').getByRole('combobox', { name: 'City (slug)' }), 'phayao');
    await user.selectOptions(row('City 1').getByLabelText('Role'), 'panel');
    await user.click(screen.getByRole('button', { name: 'Add an organisation' }));
    await screen.findByRole('option', { name: 'UNESCO Regional Office in Bangkok' }, slow);
    await user.selectOptions(row('Organisation 1').getByLabelText('Organisation'), 'unesco-bangkok');
    await user.selectOptions(row('Organisation 1').getByLabelText('Role'), 'co_host');
    expect(await violations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Create the event' }));
    expect(await screen.findByText('The event was created.', undefined, slow)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit event: Phayao Learning Forum' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Public page of Phayao Learning Forum' })[0]).toHaveAttribute('href', '/events/e2e-forum');

    const post = requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({
      type: 'forum',
      title: { en: 'Phayao Learning Forum' },
      time_zone: 'Asia/Bangkok',
      starts_on: '2027-03-01',
      ends_on: '2027-03-02',
      starts_at: '09:00',
      languages: ['th', 'en'],
      sessions: [
        {
          title: { en: 'Opening', th: null },
          on: '2027-03-01',
          starts_at: '09:00',
          ends_at: null,
          part_of_day: null,
          live_streamed: null,
          speakers: [{ name: 'Test Speaker', role: 'Mayor', organisation: null }],
          sources: [],
        },
        {
          title: { en: 'City exchange', th: null },
          on: null,
          starts_at: null,
          ends_at: null,
          part_of_day: 'afternoon',
          live_streamed: false,
          speakers: [],
          sources: [],
        },
      ],
      cities: [{ city: 'phayao', role: 'panel', sources: [] }],
      organisers: [{ organisation: 'unesco-bangkok', role: 'co_host' }],
    });
  }, UI_TEST_TIMEOUT);

  it('shows the 422 field errors next to the inputs of the rows they name', async () => {
    const user = userEvent.setup();
    fakeApi({
      ...signedInAs('secretariat'),
      ...lookups,
      'POST /api/v1/events': problem(422, 'validation_failed', '2 fields are invalid', [
        { field: 'sessions[0].on', message: "is outside the event's days" },
        { field: 'cities[0].city', message: 'no public city with slug `nowhere`' },
      ]),
    });
    await admin('/admin/events/new');
    await typeInto(user, await screen.findByLabelText('Title in English', undefined, slow), 'Forum');
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    await typeInto(user, row('Session 1').getByLabelText('Session title in English'), 'Opening');
    await user.click(screen.getByRole('button', { name: 'Add a city' }));
    await typeInto(user, row('City 1').getByRole('combobox', { name: 'City (slug)' }), 'nowhere');
    await user.click(screen.getByRole('button', { name: 'Create the event' }));

    expect(await row('Session 1').findByLabelText('Day')).toHaveAccessibleDescription(/is outside the event's days/);
    expect(row('Session 1').getByLabelText('Day')).toHaveAttribute('aria-invalid', 'true');
    expect(row('City 1').getByRole('combobox', { name: 'City (slug)' })).toHaveAccessibleDescription(/no public city with slug `nowhere`/);
    expect(row('Session 1').getByLabelText('Session title in English')).not.toHaveAttribute('aria-invalid');
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Some fields need attention.');
  }, UI_TEST_TIMEOUT);

  it('saves only the changed list with If-Match, keeping the sources of the sessions, and resolves a stale edit', async () => {
    const user = userEvent.setup();
    const theirs = { ...aseanConference2024, summary: { en: 'Changed by someone else.', th: null } };
    let patches = 0;
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...lookups,
      'GET /api/v1/events/asean-plus-3-learning-cities-conference-2024': () =>
        patches === 0
          ? { body: aseanConference2024, headers: { ETag: '"4"' } }
          : { body: theirs, headers: { ETag: '"5"' } },
      'PATCH /api/v1/events/asean-plus-3-learning-cities-conference-2024': () => {
        patches += 1;
        return patches === 1
          ? problem(412, 'precondition_failed', 'the event changed')
          : { body: { ...theirs, sequence: 6 }, headers: { ETag: '"6"' } };
      },
    });
    await admin('/admin/events/asean-plus-3-learning-cities-conference-2024');
    const keynote = await screen.findByDisplayValue('Keynote speech: Learning City of the Future', undefined, slow);
    expect(screen.getByLabelText('Languages')).toHaveValue('en');
    expect(row('Session 1').getByText('1 source of this session is kept as recorded.')).toBeInTheDocument();
    await user.clear(keynote);
    await typeInto(user, keynote, 'Keynote: the learning city of the future');
    await user.click(row('Session 1').getByRole('button', { name: 'Remove session 1' }));
    expect(screen.getByRole('button', { name: 'Add a session' })).toHaveFocus();
    expect(screen.getByText('1 field changed, not saved yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const conflict = await screen.findByRole('table', { name: 'Fields you changed that now differ from the current version' }, slow);
    expect(within(conflict).getByRole('rowheader', { name: 'Agenda' }).closest('tr')).toHaveTextContent(
      'Award of token of appreciation for the new UNESCO Global Network of Learning City members ceremony; Keynote speech: Learning City of the Future',
    );
    expect(screen.getByRole('table', { name: 'Also changed by someone else (kept when you apply your changes)' })).toHaveTextContent(
      'Summary in English',
    );
    await user.click(screen.getByRole('button', { name: 'Apply my changes to the current version' }));
    expect(await screen.findByText('Your changes were applied to the current version and saved.', undefined, slow)).toBeInTheDocument();

    const sent = requests.filter((r) => r.method === 'PATCH');
    expect(sent.map((r) => r.headers.get('If-Match'))).toEqual(['"4"', '"5"']);
    expect(await sent[1]?.json()).toEqual({
      sessions: [
        {
          title: { en: 'Keynote: the learning city of the future', th: null },
          on: '2024-10-30',
          starts_at: null,
          ends_at: null,
          part_of_day: 'morning',
          live_streamed: true,
          speakers: [],
          sources: [
            {
              title: "UNESCO and Thailand's Ministry of Higher Education, Science, Research and Innovation to cohost inaugural regional Learning Cities conference",
              publisher: 'UNESCO Bangkok',
              excerpt: 'Keynote speech: Learning City of the Future',
            },
          ],
        },
      ],
    });
  }, UI_TEST_TIMEOUT);

  it('sends the whole venue when one of its fields changed, and archives after the confirm step', async () => {
    const user = userEvent.setup();
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...lookups,
      'GET /api/v1/events/asean-plus-3-learning-cities-conference-2024': { body: aseanConference2024, headers: { ETag: '"4"' } },
      'PATCH /api/v1/events/asean-plus-3-learning-cities-conference-2024': { body: aseanConference2024, headers: { ETag: '"5"' } },
      'DELETE /api/v1/events/asean-plus-3-learning-cities-conference-2024': { status: 204, body: null },
      'GET /api/v1/events': eventPage([]),
    });
    await admin('/admin/events/asean-plus-3-learning-cities-conference-2024');
    await typeInto(user, await screen.findByLabelText('Venue name in English', undefined, slow), 'Conference hall');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.', undefined, slow)).toBeInTheDocument();
    expect(await requests.find((r) => r.method === 'PATCH')?.json()).toEqual({
      venue: {
        name: { en: 'Conference hall', th: null },
        address: '973 Phloen Chit Road, Lumpini, Pathum Wan, Bangkok 10330, Thailand',
        city: 'bangkok',
        latitude: null,
        longitude: null,
      },
    });

    await user.click(screen.getByRole('button', { name: 'Archive this event' }));
    await user.click(screen.getByRole('button', { name: 'Yes, archive it' }));
    expect(
      await screen.findByText('ASEAN+3 Regional Learning Cities Conference 2024 was archived. It no longer appears in the public data.', undefined, slow),
    ).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'DELETE')?.headers.get('If-Match')).toBe('"5"');
  }, UI_TEST_TIMEOUT);
});

describe('the proposals', () => {
  const proposal: Event = { ...learningCityWeek2027, status: 'proposed' };

  it('lists the proposals to review, publishes one after the confirm step and returns another with the reason', async () => {
    const user = userEvent.setup();
    const other: Event = { ...aseanConference2024, id: 70, slug: 'phayao-forum', title: { en: 'Phayao Forum', th: null }, status: 'proposed' };
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/events': (request) => {
        const status = new URL(request.url).searchParams.get('status');
        if (status === 'proposed') return eventPage([proposal, other]);
        if (status === 'returned') return eventPage([]);
        return eventPage([aseanConference2024]);
      },
      'POST /api/v1/events/learning-city-week-2027/publish': { body: { ...proposal, status: 'published' } },
      'POST /api/v1/events/phayao-forum/return': { body: { ...other, status: 'returned', review_note: 'Give the source.' } },
    });
    const { container } = await admin('/admin/events');
    const queue = await screen.findByRole('table', { name: 'Proposals to review' }, slow);
    expect(within(queue).getByRole('link', { name: 'Learning City Week 2027' })).toHaveAttribute('href', '/admin/events/learning-city-week-2027');
    expect(screen.getByText('No proposal is back with its city.')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Published events' }, slow)).toHaveTextContent('ASEAN+3 Regional Learning Cities Conference 2024');
    expect(await violations(container)).toEqual([]);

    await user.click(within(queue).getByRole('button', { name: 'Publish Learning City Week 2027' }));
    await user.click(screen.getByRole('button', { name: 'Yes, publish it' }));
    expect(await screen.findByText('Learning City Week 2027 was published.', undefined, slow)).toBeInTheDocument();
    expect(requests.find((r) => r.url.endsWith('/publish'))?.headers.has('If-Match')).toBe(false);

    await user.click(within(queue).getByRole('button', { name: 'Return Phayao Forum to its city' }));
    const form = screen.getByRole('form', { name: 'Return Phayao Forum to its city' });
    await user.click(within(form).getByRole('button', { name: 'Return with this reason' }));
    expect(within(form).getByLabelText('Why it goes back to the city')).toHaveAccessibleDescription("Give the reason: the city's editors read it.");
    expect(requests.some((r) => r.url.endsWith('/return'))).toBe(false);
    await typeInto(user, within(form).getByLabelText('Why it goes back to the city'), 'Give the source.');
    await user.click(within(form).getByRole('button', { name: 'Return with this reason' }));
    expect(await screen.findByText('Phayao Forum was returned to its city.', undefined, slow)).toBeInTheDocument();
    expect(await requests.find((r) => r.url.endsWith('/return'))?.json()).toEqual({ reason: 'Give the source.' });
  }, UI_TEST_TIMEOUT);

  it("publishes a proposal from its editor with the version's ETag, then shows the current version", async () => {
    const user = userEvent.setup();
    let published = false;
    const requests = fakeApi({
      ...signedInAs('admin'),
      ...lookups,
      'GET /api/v1/events/learning-city-week-2027': () =>
        published
          ? { body: { ...proposal, status: 'published' }, headers: { ETag: '"3"' } }
          : { body: proposal, headers: { ETag: '"2"' } },
      'POST /api/v1/events/learning-city-week-2027/publish': () => {
        published = true;
        return { body: { ...proposal, status: 'published' } };
      },
    });
    await admin('/admin/events/learning-city-week-2027');
    const review = within((await screen.findByRole('heading', { level: 2, name: 'Decision on this proposal' }, slow)).closest('section') as HTMLElement);
    await user.click(review.getByRole('button', { name: 'Publish Learning City Week 2027' }));
    await user.click(review.getByRole('button', { name: 'Yes, publish it' }));
    expect(await screen.findByText('Published', { selector: '.badge' }, slow)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Decision on this proposal' })).not.toBeInTheDocument();
    expect(requests.find((r) => r.url.endsWith('/publish'))?.headers.get('If-Match')).toBe('"2"');
  }, UI_TEST_TIMEOUT);
});

describe("a city editor's events", () => {
  it('proposes an event for their city, which starts among the participating cities', async () => {
    const user = userEvent.setup();
    const proposed: Event = { ...created, status: 'proposed' };
    const requests = fakeApi({
      ...signedInAs('city_editor', 'phayao'),
      ...lookups,
      'POST /api/v1/events': { status: 201, body: proposed },
      'GET /api/v1/events/e2e-forum': { body: proposed, headers: { ETag: '"1"' } },
    });
    await renderAt(<CityEventsArea city="phayao" />, { path: '/my-city/events/new', route: '/my-city/events/*' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Propose an event' }, slow)).toBeInTheDocument();
    expect(row('City 1').getByRole('combobox', { name: 'City (slug)' })).toHaveValue('phayao');
    await typeInto(user, screen.getByLabelText('Title in English'), 'Phayao Learning Forum');
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(await screen.findByText('Your proposal was sent to the secretariat.', undefined, slow)).toBeInTheDocument();
    expect(screen.getByText('Proposed, waiting for the secretariat', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive this event' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Decision on this proposal' })).not.toBeInTheDocument();
    const body = (await requests.find((r) => r.method === 'POST')?.json()) as { cities: unknown };
    expect(body.cities).toEqual([{ city: 'phayao', role: 'presenter', sources: [] }]);
  }, UI_TEST_TIMEOUT);

  it("lists the city's proposals with the reason a returned one came back", async () => {
    fakeApi({
      ...signedInAs('city_editor', 'phayao'),
      'GET /api/v1/cities/phayao': {
        body: { id: 1, slug: 'phayao', name: { en: 'Phayao', th: 'พะเยา' }, country: 'TH', memberships: [], created_at: 'x', updated_at: 'x' },
      },
      'GET /api/v1/events': (request) =>
        new URL(request.url).searchParams.get('status') === 'returned'
          ? eventPage([{ ...learningCityWeek2027, status: 'returned', review_note: 'Give the source of the dates.' }])
          : eventPage([]),
    });
    await renderAt(<CityEventsArea city="phayao" />, { path: '/my-city/events', route: '/my-city/events/*' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Events of Phayao' }, slow)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Proposals of my city' }, slow);
    const week = within(table).getByRole('link', { name: 'Learning City Week 2027' }).closest('tr') as HTMLElement;
    expect(within(table).getByRole('link', { name: 'Learning City Week 2027' })).toHaveAttribute('href', '/my-city/events/learning-city-week-2027');
    expect(week).toHaveTextContent('Returned to the city');
    expect(week).toHaveTextContent('Give the source of the dates.');
    expect(screen.getByRole('link', { name: 'Propose an event' })).toHaveAttribute('href', '/my-city/events/new');
  }, UI_TEST_TIMEOUT);
});
