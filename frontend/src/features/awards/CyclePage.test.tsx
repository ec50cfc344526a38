import { configure, screen, within } from '@testing-library/react';
import { renderAt, fakeApi } from '@/test/render';
import CyclePage from './CyclePage';
import { countries, thailand, thailand2025, unesco, unesco2021, unesco2024 } from './fixtures';

// Generous waits: the suite also runs on loaded CI machines.
configure({ asyncUtilTimeout: 5000 });

const route = '/awards/cycles/:id';

function ranking(entries: number) {
  return {
    cycle_id: 6,
    category: 'unesco-learning-city-award-2024',
    framework: 'unesco-lca-2024-v1',
    normalized: false,
    tie_break: 'higher mean',
    entries: Array.from({ length: entries }, (_, i) => ({
      rank: i + 1,
      nomination_id: i + 1,
      city: `city-${i}`,
      city_name: { en: `City ${i}`, th: null },
      evaluations: 3,
      mean: 50,
      sd: 1,
      min: 49,
      max: 51,
      agreement: 'high',
      z_mean: null,
      areas: [],
    })),
  };
}

describe('CyclePage', { timeout: 20000 }, () => {
  it('lists the winners of each category, linked to their city profiles, with their countries', async () => {
    fakeApi({
      'GET /api/v1/award-cycles/6': { body: unesco2024 },
      'GET /api/v1/award-programmes/unesco-learning-city-award': { body: unesco },
      'GET /api/v1/award-cycles/6/rankings': { body: ranking(0) },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<CyclePage />, { path: '/awards/cycles/6', route });
    expect(await screen.findByRole('heading', { level: 1, name: 'UNESCO Learning City Award 2024' })).toBeInTheDocument();
    const category = screen.getByRole('heading', { level: 3, name: 'UNESCO Learning City Award 2024' }).closest('article');
    if (!category) throw new Error('no category');
    const winners = within(category).getAllByRole('listitem');
    expect(winners).toHaveLength(2);
    expect(within(winners[0] as HTMLElement).getByRole('link', { name: 'Cork' })).toHaveAttribute('href', '/cities/cork');
    expect(within(winners[1] as HTMLElement).getByRole('link', { name: 'Wuhan' })).toHaveAttribute('href', '/cities/wuhan');
    expect(await within(category).findByText('(Ireland)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'UNESCO Learning City Award' })).toHaveAttribute(
      'href',
      '/awards/unesco-learning-city-award',
    );
    expect(screen.queryByText(/not yet published/)).not.toBeInTheDocument();
    const sources = screen.getByRole('list', { name: 'Sources of UNESCO Learning City Award 2024' });
    expect(within(sources).getByRole('link', { name: 'UNESCO Learning City Award 2024 winners' })).toHaveAttribute(
      'href',
      'https://www.uil.unesco.org/en/articles/learning-city-award-2024',
    );
    expect(screen.queryByText(/winners announced/)).not.toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('says how many of the announced winners are recorded here, and that the cycle is not verified', async () => {
    fakeApi({
      'GET /api/v1/award-cycles/5': { body: unesco2021 },
      'GET /api/v1/award-programmes/unesco-learning-city-award': { body: unesco },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<CyclePage />, { path: '/awards/cycles/5', route });
    expect(
      await screen.findByText('10 winners announced; 3 recorded here. The list of winners below is not complete.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Not verified: The list of winners is incomplete in the sources read.');
    expect(screen.getByText('No source is recorded.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dublin' })).toHaveAttribute('href', '/cities/dublin');
  });

  it('says so in Thai', async () => {
    fakeApi({
      'GET /api/v1/award-cycles/5': { body: { ...unesco2021, recorded_winners: 0, results: [] } },
      'GET /api/v1/award-programmes/unesco-learning-city-award': { body: unesco },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<CyclePage />, { path: '/awards/cycles/5', route, language: 'th' });
    expect(
      await screen.findByText('ประกาศผู้ได้รับรางวัล 10 เมือง ยังไม่ได้บันทึกไว้ที่นี่ รายชื่อเมืองที่ได้รับรางวัลด้านล่างยังไม่ครบถ้วน'),
    ).toBeInTheDocument();
  });

  it('links a category that has an evaluation ranking to the results page', async () => {
    fakeApi({
      'GET /api/v1/award-cycles/6': { body: unesco2024 },
      'GET /api/v1/award-programmes/unesco-learning-city-award': { body: unesco },
      'GET /api/v1/award-cycles/6/rankings': { body: ranking(4) },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<CyclePage />, { path: '/awards/cycles/6', route });
    const link = await screen.findByRole('link', {
      name: 'Evaluation ranking of UNESCO Learning City Award 2024 (4 cities evaluated)',
    });
    expect(link).toHaveAttribute('href', '/results?cycle=6&category=unesco-learning-city-award-2024');
  });

  it('says that the results of an unpublished cycle are not yet published, in Thai', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-cycles/1': { body: thailand2025 },
      'GET /api/v1/award-programmes/thailand-learning-city-awards': { body: thailand },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<CyclePage />, { path: '/awards/cycles/1', route, language: 'th' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย ประจำปี 2568' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('รอบนี้ยังไม่ได้ประกาศผล');
    expect(screen.getByRole('heading', { level: 3, name: 'เมืองแห่งการเรียนรู้เพื่อความเสมอภาค' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'เมืองที่ได้รับรางวัล' })).not.toBeInTheDocument();
    expect(screen.getByText('ปิดรับแล้ว')).toBeInTheDocument();
    expect(screen.getByText('31 October 2025, TK Park, Bangkok')).toBeInTheDocument();
    expect(requests.some((r) => r.url.includes('/rankings'))).toBe(false);
  });
});
