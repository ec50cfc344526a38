import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { vi } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import EventPage from './EventPage';
import { aseanConference2024, awardsCeremony2025, eefSeminar, gnlcAnnouncement2022, learningCityWeek2027 } from './fixtures';
import type { Event } from './model';

const slow = { timeout: 5000 };
const route = '/events/:slug';

function api(...events: Event[]) {
  return fakeApi({
    ...Object.fromEntries(events.map((e) => [`GET /api/v1/events/${e.slug}`, { body: e }])),
    'GET /api/v1/events/nope': {
      status: 404,
      body: { type: 'urn:x', title: 'Not Found', status: 404, detail: 'no event with slug `nope`', code: 'not_found' },
    },
  });
}

function show(slug: string, language = 'en') {
  return renderAt(<EventPage />, { path: `/events/${slug}`, route, language });
}

/** The visitor's browser in `zone`. */
function visitorIn(zone: string) {
  const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
  return vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...resolved.call(this), timeZone: zone };
  });
}

/** The value of a fact of the event, by its label. */
function fact(label: string) {
  const facts = screen.getAllByRole('definition')[0]!.closest('dl') as HTMLElement;
  return within(facts).getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
}

async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

afterEach(() => vi.restoreAllMocks());

describe('EventPage', () => {
  it('shows what the event is and when, with the calendar file, links onward and its sources', async () => {
    const requests = api(aseanConference2024);
    const { container } = await show(aseanConference2024.slug);
    expect(await screen.findByRole('heading', { level: 1, name: 'ASEAN+3 Regional Learning Cities Conference 2024' }, slow)).toBeInTheDocument();
    expect(fact('Type')).toHaveTextContent(/^Conference$/);
    expect(within(fact('Series')).getByRole('link', { name: 'ASEAN+3 Regional Learning Cities Conference' })).toHaveAttribute(
      'href',
      '/events?series=asean-plus-3-learning-cities-conference',
    );
    expect(fact('Series')).toHaveTextContent('(edition 2024)');
    expect(fact('Date').textContent).toMatch(/^29\s*–\s*30 October 2024$/);
    expect(screen.queryByText('Time', { selector: 'dt' })).not.toBeInTheDocument();
    expect(fact('Attendance mode')).toHaveTextContent(/^In person$/);
    expect(fact('Language')).toHaveTextContent(/^English$/);
    expect(fact('Interpretation into')).toHaveTextContent(/^Thai$/);
    expect(within(fact('Network')).getByRole('link', { name: 'ASEAN Learning Cities Network' })).toHaveAttribute('href', '/networks/asean-learning-cities');
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute(
      'href',
      '/api/v1/events/asean-plus-3-learning-cities-conference-2024?format=ics',
    );
    expect(screen.getByRole('list', { name: 'Sources of the record of ASEAN+3 Regional Learning Cities Conference 2024' })).toHaveTextContent(
      'This inaugural gathering, dedicated to Learning Cities in South-East Asia',
    );
    expect(screen.getByRole('link', { name: 'All events' })).toHaveAttribute('href', '/events');
    expect(requests.some((r) => new URL(r.url).pathname === `/api/v1/events/${aseanConference2024.slug}`)).toBe(true);
    expect(await violations(container)).toEqual([]);
  });

  it('lists the agenda by day and part of the day, the venue, the cities with their roles, the organisations and the attendance', async () => {
    api(aseanConference2024);
    await show(aseanConference2024.slug);
    const agenda = within((await screen.findByRole('heading', { level: 2, name: 'Agenda' }, slow)).closest('section') as HTMLElement);
    expect(agenda.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Award of token of appreciation for the new UNESCO Global Network of Learning City members ceremony',
      'Keynote speech: Learning City of the Future',
    ]);
    const keynote = agenda.getByRole('heading', { level: 3, name: 'Keynote speech: Learning City of the Future' }).closest('li') as HTMLElement;
    expect(keynote).toHaveTextContent('30 October 2024 · Morning · streamed live');
    expect(within(keynote).getByRole('list', { name: 'Sources of the session Keynote speech: Learning City of the Future' })).toBeInTheDocument();
    // No session has a time: no word on the time zone.
    expect(agenda.queryByText(/Times are/)).not.toBeInTheDocument();

    const venue = within(screen.getByRole('heading', { level: 2, name: 'Venue' }).closest('section') as HTMLElement);
    expect(venue.getByText('973 Phloen Chit Road, Lumpini, Pathum Wan, Bangkok 10330, Thailand')).toBeInTheDocument();
    expect(venue.getByRole('link', { name: 'Bangkok' })).toHaveAttribute('href', '/cities/bangkok');
    expect(venue.queryByText('Name')).not.toBeInTheDocument();

    const cities = screen.getByRole('list', { name: 'Cities taking part in ASEAN+3 Regional Learning Cities Conference 2024' });
    const bangkok = within(cities).getByRole('link', { name: 'Bangkok' }).closest('li') as HTMLElement;
    expect(within(cities).getByRole('link', { name: 'Bangkok' })).toHaveAttribute('href', '/cities/bangkok');
    expect(within(bangkok).getByText('Recognised')).toHaveClass('badge');
    expect(within(bangkok).getByRole('list', { name: 'Sources of the part of Bangkok' })).toBeInTheDocument();
    expect(within(cities).getByRole('link', { name: 'Khon Kaen' })).toHaveAttribute('href', '/cities/khon-kaen');

    const organisations = screen.getByRole('list', { name: 'Organisations with a role in ASEAN+3 Regional Learning Cities Conference 2024' });
    expect(within(organisations).getByRole('link', { name: 'Program Management Unit for Area-Based Development' })).toHaveAttribute(
      'href',
      '/organisations/pmu-a',
    );
    expect(organisations).toHaveTextContent('UNESCO Regional Office in Bangkok (UNESCO Bangkok): Co-host');

    const attendance = within(screen.getByRole('heading', { level: 2, name: 'Attendance' }).closest('section') as HTMLElement);
    expect(attendance.getByText('Expected').nextElementSibling).toHaveTextContent(/^200$/);
    expect(attendance.getByText('Reported').nextElementSibling).toHaveTextContent(/^250$/);
    expect(attendance.getByText(/^Approximately 200 onsite participants were expected/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Watch online' })).not.toBeInTheDocument();
  });

  it('says an event known only by its year is so, offers no calendar file, and links the network size it announced', async () => {
    api(gnlcAnnouncement2022);
    await show(gnlcAnnouncement2022.slug);
    await screen.findByRole('heading', { level: 1, name: 'UNESCO Global Network of Learning Cities: 77 new members from 44 countries' }, slow);
    expect(fact('Date')).toHaveTextContent(/^2022 \(day not known\)$/);
    expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).not.toBeInTheDocument();
    expect(within(fact('Network size reported')).getByRole('link', { name: 'Network size as of 2 September 2022' })).toHaveAttribute(
      'href',
      '/networks/unesco-gnlc',
    );
    expect(screen.queryByRole('heading', { level: 2, name: 'Agenda' })).not.toBeInTheDocument();
  });

  it('says when no date is announced, and names the initiative and the speakers as published', async () => {
    api(eefSeminar);
    await show(eefSeminar.slug);
    await screen.findByRole('heading', { level: 2, name: 'Agenda' }, slow);
    expect(fact('Date')).toHaveTextContent(/^Date not announced$/);
    expect(fact('Attendance mode')).toHaveTextContent(/^Online$/);
    expect(fact('Initiative')).toHaveTextContent(/^National Platform Learning City \(EEF pilot areas\)$/);
    const speakers = screen.getByRole('list', { name: /^Speakers of The Joy and Benefit/ });
    expect(within(speakers).getByRole('listitem')).toHaveTextContent(/^Balass Nemet, Seminar facilitator; Research Network Coordinator$/);
    expect(screen.getByText('Time not known')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).not.toBeInTheDocument();
  });

  it('marks an event that is not verified with the reason, and links its award cycle', async () => {
    api(awardsCeremony2025);
    await show(awardsCeremony2025.slug);
    await screen.findByRole('heading', { level: 1, name: 'Thailand Learning City Awards 2025 ceremony' }, slow);
    expect(screen.getByRole('note')).toHaveTextContent('Not verified: The day is taken from the dateline of document 004');
    expect(within(fact('Award cycle')).getByRole('link', { name: 'Award cycle 2025' })).toHaveAttribute('href', '/awards/cycles/1');
    expect(fact('Date')).toHaveTextContent(/^31 October 2025$/);
    expect(screen.getByRole('list', { name: 'Speakers of Opening ceremony' })).toHaveTextContent(
      'Dr. Silaporn Buasai, Presiding over the opening ceremony; Chairperson of the Advisory Subcommittee for the “Thatchaphum” Science Center under PMU-A, Program Management Unit for Area-Based Development (PMU-A)',
    );
    expect(within(screen.getByRole('heading', { level: 2, name: 'Venue' }).closest('section') as HTMLElement).getByText('Name').nextElementSibling).toHaveTextContent(
      'Sanfun Courtyard, Thailand Knowledge Park (TK Park)',
    );
  });

  it('gives times in Bangkok time with the visitor’s own time beside them, the coordinates and the live stream', async () => {
    visitorIn('Europe/London');
    api(learningCityWeek2027);
    const { container } = await show(learningCityWeek2027.slug);
    await screen.findByRole('heading', { level: 1, name: 'Learning City Week 2027' }, slow);
    expect(fact('Date').textContent).toMatch(/^14\s*–\s*15 January 2027$/);
    expect(fact('Time')).toHaveTextContent(
      '14 January 2027, 09:00 to 15 January 2027, 16:30 Bangkok time (GMT+7) 14 Jan, 02:00 to 15 Jan, 09:30 your time (Europe/London)',
    );
    expect(fact('Attendance mode')).toHaveTextContent(/^In person and online$/);
    expect(fact('Language')).toHaveTextContent(/^Thai, English$/);

    const agenda = within(screen.getByRole('heading', { level: 2, name: 'Agenda' }).closest('section') as HTMLElement);
    expect(agenda.getByText('Times are Bangkok time.')).toBeInTheDocument();
    const opening = agenda.getByRole('heading', { level: 3, name: 'Opening of the week' }).closest('li') as HTMLElement;
    expect(opening).toHaveTextContent('14 January 2027 · 09:00–10:30 starts 02:00 your time (Europe/London) · streamed live');
    expect(within(opening).getByRole('list', { name: 'Speakers of Opening of the week' })).toHaveTextContent('Test Speaker, Mayor, Phayao Municipality');
    expect(agenda.getByRole('heading', { level: 3, name: 'City exchange' }).closest('li')).toHaveTextContent('15 January 2027 · Afternoon');

    const venue = within(screen.getByRole('heading', { level: 2, name: 'Venue' }).closest('section') as HTMLElement);
    expect(venue.getByText('Coordinates').nextElementSibling).toHaveTextContent('latitude 19.16667, longitude 99.9 (map on OpenStreetMap)');
    expect(venue.getByRole('link', { name: 'map on OpenStreetMap' })).toHaveAttribute(
      'href',
      'https://www.openstreetmap.org/?mlat=19.16667&mlon=99.9#map=17/19.16667/99.9',
    );
    const watch = within(screen.getByRole('heading', { level: 2, name: 'Watch online' }).closest('section') as HTMLElement);
    expect(watch.getByRole('link', { name: 'Live stream' })).toHaveAttribute('href', 'https://example.org/lcw-2027/live');
    expect(watch.queryByRole('link', { name: 'Recording' })).not.toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });

  it('leaves out the visitor’s time where it reads the same as the event’s', async () => {
    visitorIn('Asia/Bangkok');
    api(learningCityWeek2027);
    await show(learningCityWeek2027.slug);
    await screen.findByRole('heading', { level: 1, name: 'Learning City Week 2027' }, slow);
    expect(fact('Time')).toHaveTextContent(/^14 January 2027, 09:00 to 15 January 2027, 16:30 Bangkok time \(GMT\+7\)$/);
    expect(screen.queryByText(/your time/)).not.toBeInTheDocument();
  });

  it('speaks Thai: the Thai title and summary, Thai dates and times', async () => {
    visitorIn('Asia/Tokyo');
    api(gnlcAnnouncement2022, learningCityWeek2027);
    await show(gnlcAnnouncement2022.slug, 'th');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'ยูเนสโกประกาศเพิ่ม 77 เมืองในเครือข่ายเมืองแห่งการเรียนรู้ในปี 2022 เนื่องในวันสากลแห่งการรู้หนังสือ' }, slow),
    ).toBeInTheDocument();
    expect(fact('วันที่')).toHaveTextContent(/^ค\.ศ\. 2022 \(ไม่ทราบวัน\)$/);
    expect(screen.getByText(/^สถาบันด้านการเรียนรู้ตลอดชีวิตของยูเนสโก/)).toHaveAttribute('lang', 'th');
    expect(fact('ประเภท')).toHaveTextContent(/^ประกาศของเครือข่าย$/);
  });

  it('shows the times in Thai with the visitor’s own', async () => {
    visitorIn('Asia/Tokyo');
    api(learningCityWeek2027);
    await show(learningCityWeek2027.slug, 'th');
    await screen.findByRole('heading', { level: 1, name: 'สัปดาห์เมืองแห่งการเรียนรู้ 2570' }, slow);
    expect(fact('เวลา')).toHaveTextContent(
      '14 มกราคม 2027 เวลา 09:00 ถึง 15 มกราคม 2027 เวลา 16:30 น. ตามเวลากรุงเทพฯ (GMT+7)',
    );
    expect(fact('เวลา')).toHaveTextContent('น. ตามเวลาของคุณ (Asia/Tokyo)');
  });

  it('says a proposal is not public, with the reason it was returned', async () => {
    api({ ...learningCityWeek2027, status: 'returned', review_note: 'Give the source of the dates.' });
    await show(learningCityWeek2027.slug);
    const note = await screen.findByRole('note', undefined, slow);
    expect(note).toHaveTextContent('A proposal returned to its city, not published');
    expect(note).toHaveTextContent('Returned by the secretariat: Give the source of the dates.');
  });

  it('shows a missing event as not found', async () => {
    api();
    await show('nope');
    expect(await screen.findByRole('alert', undefined, slow)).toHaveTextContent('Not found');
    expect(screen.getByRole('heading', { level: 1, name: 'Event not found' })).toBeInTheDocument();
  });
});
