import { screen, within } from '@testing-library/react';
import { fakeApi, renderAt } from '@/test/render';
import { CityEvents } from './CityEvents';
import { awardsCeremony2025, eventPage, gnlcAnnouncement2022, learningCityWeek2027 } from './fixtures';

const slow = { timeout: 5000 };

describe('CityEvents', () => {
  it('lists the events the city takes part in, linked to their pages, with its calendar feed', async () => {
    const requests = fakeApi({
      'GET /api/v1/cities/phayao/events': eventPage([learningCityWeek2027, awardsCeremony2025, gnlcAnnouncement2022]),
    });
    await renderAt(<CityEvents slug="phayao" name="Phayao" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Events' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Events of Phayao' }, slow);
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Learning City Week 2027',
      'Thailand Learning City Awards 2025 ceremony',
      'UNESCO Global Network of Learning Cities: 77 new members from 44 countries',
    ]);
    expect(within(list).getByRole('link', { name: 'Thailand Learning City Awards 2025 ceremony' })).toHaveAttribute(
      'href',
      '/events/thailand-learning-city-awards-2025-ceremony',
    );
    expect(screen.getByRole('link', { name: 'All events of Phayao in the events calendar' })).toHaveAttribute('href', '/events?city=phayao');
    expect(screen.getByRole('link', { name: 'Calendar feed of the events of Phayao (.ics)' })).toHaveAttribute(
      'href',
      '/api/v1/cities/phayao/events?format=ics',
    );
    expect(new URL(requests[0]!.url).searchParams.get('limit')).toBe('50');
  });

  it('says so when no event is recorded for the city', async () => {
    fakeApi({ 'GET /api/v1/cities/phayao/events': eventPage([]) });
    await renderAt(<CityEvents slug="phayao" name="Phayao" />, { language: 'th' });
    expect(await screen.findByText('ยังไม่มีการบันทึกกิจกรรมของเมืองนี้', undefined, slow)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'กิจกรรม' })).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
