import { describe, expect, it } from 'vitest';
import { daysWithin, feedHref, monthBounds, monthWeeks, shiftMonth, timing, todayIn, type EventWhen } from './model';

const when = (fields: Partial<EventWhen>): EventWhen => ({ precision: 'day', time_zone: 'Asia/Bangkok', ...fields });

describe('events model', () => {
  it('takes today in the event’s time zone', () => {
    // 20:00 UTC on 7 December is already 8 December in Bangkok, still 7 December in New York.
    const now = new Date('2026-12-07T20:00:00Z');
    expect(todayIn('Asia/Bangkok', now)).toBe('2026-12-08');
    expect(todayIn('America/New_York', now)).toBe('2026-12-07');
    expect(todayIn('Not/AZone', now)).toBe('2026-12-08');
  });

  it('says whether an event is upcoming by its last day, and never guesses a day it does not know', () => {
    const now = new Date('2026-12-08T03:00:00Z');
    expect(timing(when({ starts_on: '2026-12-01', ends_on: '2026-12-08' }), now)).toBe('upcoming');
    expect(timing(when({ starts_on: '2026-12-08' }), now)).toBe('upcoming');
    expect(timing(when({ starts_on: '2026-12-01', ends_on: '2026-12-07' }), now)).toBe('past');
    expect(timing(when({ precision: 'year', year: 2027 }), now)).toBe('undated');
    expect(timing(when({ precision: 'unknown' }), now)).toBe('undated');
  });

  it('walks months across years and knows their last day', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('lays a month out in weeks from Monday, blank outside the month', () => {
    const weeks = monthWeeks('2024-10');
    expect(weeks).toHaveLength(5);
    // 1 October 2024 was a Tuesday.
    expect(weeks[0]).toEqual([null, '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06']);
    expect(weeks[4]).toEqual(['2024-10-28', '2024-10-29', '2024-10-30', '2024-10-31', null, null, null]);
  });

  it('puts an event on each of its days within a range', () => {
    expect(daysWithin(when({ starts_on: '2024-10-29', ends_on: '2024-10-30' }), '2024-10-01', '2024-10-31')).toEqual(['2024-10-29', '2024-10-30']);
    expect(daysWithin(when({ starts_on: '2024-10-30', ends_on: '2024-11-02' }), '2024-11-01', '2024-11-30')).toEqual(['2024-11-01', '2024-11-02']);
    expect(daysWithin(when({ precision: 'year', year: 2024 }), '2024-10-01', '2024-10-31')).toEqual([]);
  });

  it('builds the calendar feed of the same filters', () => {
    expect(feedHref({})).toBe('/api/v1/events?format=ics');
    expect(feedHref({ type: 'conference', city: 'phayao', q: 'week' })).toBe('/api/v1/events?type=conference&city=phayao&q=week&format=ics');
  });
});
