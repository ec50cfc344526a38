import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { vi } from 'vitest';
import { useLocation } from 'react-router';
import { fakeApi, renderAt } from '@/test/render';
import EventsPage from './EventsPage';
import { learningCityWeek2027, seededEvents, series } from './fixtures';
import type { Event } from './model';

const slow = { timeout: 5000 };

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

/** Whether an event overlaps the days `from`..`to`, as the service filters them (a year-only event by its year). */
function overlaps(event: Event, from: string | null, to: string | null): boolean {
  const { when } = event;
  if (!from && !to) return true;
  if (when.precision === 'day' && when.starts_on) {
    const last = when.ends_on ?? when.starts_on;
    return (!to || when.starts_on <= to) && (!from || last >= from);
  }
  if (when.precision === 'year' && when.year != null) {
    return (!to || when.year <= Number(to.slice(0, 4))) && (!from || when.year >= Number(from.slice(0, 4)));
  }
  return false;
}

/** The list as the service answers it, upcoming first: type, series, city, q, from and to, four rows a page. */
function api(events: Event[] = [learningCityWeek2027, ...seededEvents]) {
  return fakeApi({
    'GET /api/v1/events': (request) => {
      const params = new URL(request.url).searchParams;
      const q = params.get('q')?.toLowerCase();
      const matches = events.filter(
        (e) =>
          (!params.get('type') || e.type === params.get('type')) &&
          (!params.get('series') || e.series?.slug === params.get('series')) &&
          (!params.get('city') || e.cities.some((c) => c.city === params.get('city')) || e.venue?.city?.slug === params.get('city')) &&
          (!q || [e.title.en, e.title.th].some((s) => s?.toLowerCase().includes(q))) &&
          overlaps(e, params.get('from'), params.get('to')),
      );
      const start = Number(params.get('cursor') ?? 0);
      const size = Number(params.get('limit') ?? 4);
      const next = start + size < matches.length ? String(start + size) : null;
      return { body: { items: matches.slice(start, start + size), total: matches.length, next_cursor: next } };
    },
    'GET /api/v1/event-series': { body: series },
    'GET /api/v1/cities': { body: { items: [], total: 0, next_cursor: null } },
  });
}

const lastList = (requests: Request[]) =>
  new URL(requests.filter((r) => new URL(r.url).pathname === '/api/v1/events').at(-1)?.url ?? 'http://x').searchParams;

function show(path = '/events', language = 'en') {
  return renderAt(
    <>
      <EventsPage />
      <Where />
    </>,
    { path, language },
  );
}

/** The section of the list under a level-2 heading. */
function group(name: string) {
  return within(screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement);
}

async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('EventsPage', () => {
  beforeEach(() => {
    // Only the clock: today is 8 December 2026 in Bangkok.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-08T03:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists the upcoming events first, then the past ones, each with its days, type and place, linked to its page', async () => {
    const requests = api();
    const { container } = await show();
    expect(screen.getByRole('heading', { level: 1, name: 'Events' })).toBeInTheDocument();
    expect(await screen.findByText('Events found: 7', undefined, slow)).toBeInTheDocument();
    const upcoming = group('Upcoming');
    const week = upcoming.getByRole('heading', { level: 3, name: 'Learning City Week 2027' });
    expect(within(week).getByRole('link')).toHaveAttribute('href', '/events/learning-city-week-2027');
    expect(week.nextElementSibling?.textContent).toMatch(/^14\s*–\s*15 January 2027 · Learning City Week · Phayao$/);
    expect(group('Past').getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'UNESCO welcomes 72 new cities to the Global Network of Learning Cities',
      'Thailand Learning City Awards 2025 ceremony',
      'ASEAN+3 Regional Learning Cities Conference 2024',
    ]);
    expect(screen.getByRole('link', { name: 'List' })).toHaveAttribute('aria-current', 'page');
    expect(lastList(requests).has('cursor')).toBe(false);
    expect(await violations(container)).toEqual([]);
  });

  it('pages on with the cursor in the URL, and shows the events whose day is not known last, saying so', async () => {
    const requests = api();
    await show();
    await screen.findByText('Events found: 7', undefined, slow);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Day not known' }, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('?cursor=4');
    expect(lastList(requests).get('cursor')).toBe('4');
    // Only the first page says that nothing is upcoming.
    expect(screen.queryByRole('heading', { level: 2, name: 'Upcoming' })).not.toBeInTheDocument();
    const undated = group('Day not known');
    const announcement = undated.getByRole('heading', { level: 3, name: 'UNESCO Global Network of Learning Cities: 77 new members from 44 countries' });
    expect(announcement.nextElementSibling).toHaveTextContent(/^2022 \(day not known\) · Network announcement$/);
    const seminar = undated.getByRole('heading', { level: 3, name: /^The Joy and Benefit of Learning/ });
    expect(seminar.nextElementSibling).toHaveTextContent(/^Date not announced · Seminar · Online$/);
    expect(screen.getByText('Events found: 7')).toHaveFocus();
  });

  it('says so when no event is upcoming', async () => {
    api(seededEvents);
    await show();
    await screen.findByText('Events found: 6', undefined, slow);
    expect(group('Upcoming').getByText('No upcoming event is recorded.')).toBeInTheDocument();
  });

  it('filters by type, series, city and title, all kept in the URL, sent to the API and given to the calendar feed', async () => {
    const requests = api();
    await show();
    await screen.findByText('Events found: 7', undefined, slow);
    const filters = within(screen.getByRole('search', { name: 'Search and filter events' }));
    await userEvent.selectOptions(filters.getByLabelText('Type'), 'network_announcement');
    expect(await screen.findByText('Events found: 3', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?type=network_announcement$/);
    expect(lastList(requests).get('type')).toBe('network_announcement');

    await userEvent.selectOptions(filters.getByLabelText('Type'), '');
    await userEvent.type(filters.getByRole('combobox', { name: 'City' }), 'phayao');
    await userEvent.click(filters.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Events found: 3', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?city=phayao$/);
    expect(lastList(requests).get('city')).toBe('phayao');

    await userEvent.type(filters.getByRole('searchbox', { name: 'Title (English or Thai)' }), 'week');
    await userEvent.click(filters.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Events found: 1', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?city=phayao&q=week$/);
    expect(screen.getByRole('link', { name: 'Download the calendar (.ics)' })).toHaveAttribute(
      'href',
      '/api/v1/events?city=phayao&q=week&format=ics',
    );
    expect(screen.getByRole('link', { name: 'Subscribe in a calendar program' })).toHaveAttribute(
      'href',
      'webcal://localhost:3000/api/v1/events?city=phayao&q=week&format=ics',
    );

    await userEvent.selectOptions(filters.getByLabelText('Series'), 'learning-city-week');
    expect(await screen.findByTestId('where')).toHaveTextContent(/^\?city=phayao&q=week&series=learning-city-week$/);
    expect(lastList(requests).get('series')).toBe('learning-city-week');

    await userEvent.click(filters.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Events found: 7', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^$/);
    expect(filters.getByRole('searchbox', { name: 'Title (English or Thai)' })).toHaveValue('');
    expect(screen.getByRole('link', { name: 'Download the calendar (.ics)' })).toHaveAttribute('href', '/api/v1/events?format=ics');
  });

  it('shows a month as a calendar, each event on its days, and moves to the months before and after', async () => {
    const requests = api();
    const { container } = await show('/events?month=2024-10');
    const calendar = await screen.findByRole('table', { name: 'Events in October 2024, by day' }, slow);
    expect(screen.getByRole('heading', { level: 2, name: 'October 2024' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Month' })).toHaveAttribute('aria-current', 'page');
    const asked = lastList(requests);
    expect([asked.get('from'), asked.get('to'), asked.get('sort'), asked.get('limit')]).toEqual(['2024-10-01', '2024-10-31', 'start', '200']);
    expect(within(calendar).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const cellOf = (day: string) => within(calendar).getByText(day).closest('td') as HTMLElement;
    for (const day of ['Tuesday, 29 October 2024', 'Wednesday, 30 October 2024']) {
      expect(within(cellOf(day)).getByRole('link', { name: 'ASEAN+3 Regional Learning Cities Conference 2024' })).toHaveAttribute(
        'href',
        '/events/asean-plus-3-learning-cities-conference-2024',
      );
    }
    expect(within(cellOf('Thursday, 31 October 2024')).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('1 event with a known day in this month.')).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'September 2024' }, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?month=2024-09$/);
    expect(await screen.findByText('No event with a known day in this month.', undefined, slow)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next month' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'November 2024' }, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?month=2024-11$/);
  });

  it('lists the events of a month known only by their year under the calendar, and opens on this month from the list', async () => {
    api();
    await show('/events?month=2022-09');
    expect(await screen.findByText('No event with a known day in this month.', undefined, slow)).toBeInTheDocument();
    const undated = group('Also in 2022, day not known');
    expect(undated.getByRole('link', { name: 'UNESCO Global Network of Learning Cities: 77 new members from 44 countries' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'List' }));
    expect(await screen.findByText('Events found: 7', undefined, slow)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Month' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'December 2026' }, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?month=2026-12$/);
    const today = screen.getByText('Tuesday, 8 December 2026').closest('td');
    expect(today).toHaveAttribute('aria-current', 'date');
  });

  it('reads the filters from the URL, ignoring an unknown type and a malformed month', async () => {
    const requests = api();
    await show('/events?type=party&month=2024-13&q=%E0%B8%AA%E0%B8%B1%E0%B8%9B%E0%B8%94%E0%B8%B2%E0%B8%AB%E0%B9%8C');
    expect(await screen.findByText('Events found: 1', undefined, slow)).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Title (English or Thai)' })).toHaveValue('สัปดาห์');
    expect(screen.getByLabelText('Type')).toHaveValue('');
    expect(lastList(requests).has('type')).toBe(false);
    expect(screen.getByRole('link', { name: 'List' })).toHaveAttribute('aria-current', 'page');
  });

  it('speaks Thai, with the Thai titles where recorded and Thai dates', async () => {
    api();
    await show('/events', 'th');
    expect(screen.getByRole('heading', { level: 1, name: 'กิจกรรม' })).toBeInTheDocument();
    expect(await screen.findByText('จำนวนกิจกรรมที่พบ: 7', undefined, slow)).toBeInTheDocument();
    const week = group('กำลังจะมาถึง').getByRole('heading', { level: 3, name: 'สัปดาห์เมืองแห่งการเรียนรู้ 2570' });
    expect(week).toHaveAttribute('lang', 'th');
    expect(week.nextElementSibling?.textContent).toMatch(/^14–15 มกราคม 2027 · สัปดาห์เมืองแห่งการเรียนรู้ · พะเยา$/);
  });

  it('shows the problem when the list fails', async () => {
    fakeApi({
      'GET /api/v1/events': {
        status: 400,
        body: { type: 'urn:x', code: 'invalid_query', title: 'Invalid query', status: 400, detail: 'unknown type' },
      },
      'GET /api/v1/event-series': { body: series },
    });
    await show();
    expect(await screen.findByRole('alert', undefined, slow)).toHaveTextContent('unknown type');
  });
});
