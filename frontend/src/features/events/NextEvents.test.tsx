import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import { NextEvents } from './NextEvents';
import { aseanConference2024, eventPage, gnlcAnnouncement2022, learningCityWeek2027 } from './fixtures';
import type { Event } from './model';

const slow = { timeout: 5000 };

/** An upcoming one-day event on `day`. */
function on(id: number, day: string): Event {
  return {
    ...aseanConference2024,
    id,
    slug: `forum-${day}`,
    type: 'forum',
    series: null,
    title: { en: `Forum on ${day}`, th: null },
    when: { ...aseanConference2024.when, year: Number(day.slice(0, 4)), starts_on: day, ends_on: day },
  };
}

describe('NextEvents', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-08T03:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the first three events not over yet, asking from today, leaving out those known only by their year', async () => {
    const requests = fakeApi({
      'GET /api/v1/events': eventPage([
        on(11, '2026-12-08'),
        learningCityWeek2027,
        on(12, '2027-02-01'),
        on(13, '2027-03-01'),
        { ...gnlcAnnouncement2022, when: { ...gnlcAnnouncement2022.when, year: 2026 } },
      ]),
    });
    await renderAt(<NextEvents />);
    const list = await screen.findByRole('list', { name: 'Next events' }, slow);
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Forum on 2026-12-08',
      'Learning City Week 2027',
      'Forum on 2027-02-01',
    ]);
    expect(new URL(requests[0]!.url).searchParams.get('from')).toBe('2026-12-08');
    expect(screen.getByRole('link', { name: 'All events' })).toHaveAttribute('href', '/events');
  });

  it('says quietly that none is recorded', async () => {
    fakeApi({ 'GET /api/v1/events': eventPage([]) });
    await renderAt(<NextEvents />);
    expect(await screen.findByText('No upcoming event is recorded.', undefined, slow)).toHaveClass('muted');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
