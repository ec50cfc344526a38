import { configure, screen, within } from '@testing-library/react';
import { renderAt, fakeApi } from '@/test/render';
import ProgrammePage from './ProgrammePage';
import { countries, gnlc, page, thailand, thailand2025, unesco, unesco2021, unesco2024 } from './fixtures';

// Generous waits: the suite also runs on loaded CI machines.
configure({ asyncUtilTimeout: 5000 });

const route = '/awards/:slug';

describe('ProgrammePage', { timeout: 20000 }, () => {
  it('lists the cycles newest first with their status, winners and links, asking for this programme only', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-programmes/unesco-learning-city-award': { body: unesco },
      'GET /api/v1/award-cycles': { body: page([unesco2024, unesco2021]) },
      'GET /api/v1/networks/unesco-gnlc': { body: gnlc },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<ProgrammePage />, { path: '/awards/unesco-learning-city-award', route });
    expect(await screen.findByRole('heading', { level: 1, name: 'UNESCO Learning City Award' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: "The programme's cycles, newest first" });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['2024', '2021']);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole('link', { name: 'UNESCO Learning City Award 2024' })).toHaveAttribute('href', '/awards/cycles/6');
    expect(first.getByText('Results published')).toBeInTheDocument();
    expect(first.getByText('Winners: 2')).toBeInTheDocument();
    // Fewer winners recorded than announced: it says so.
    expect(within(rows[1] as HTMLElement).getByText('10 winners announced; 3 recorded here')).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Ceremony' })).not.toBeInTheDocument();
    expect(screen.getByText('No source is recorded.')).toBeInTheDocument();
    const cycles = requests.find((r) => new URL(r.url).pathname === '/api/v1/award-cycles');
    expect(new URL(cycles?.url ?? '').searchParams.get('programme')).toBe('unesco-learning-city-award');
  });

  it('states the eligibility rules with the network by its name, and the organisers\' own notes', async () => {
    fakeApi({
      'GET /api/v1/award-programmes/unesco-learning-city-award': { body: unesco },
      'GET /api/v1/award-cycles': { body: page([unesco2024]) },
      'GET /api/v1/networks/unesco-gnlc': { body: gnlc },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<ProgrammePage />, { path: '/awards/unesco-learning-city-award', route });
    expect(
      await screen.findByText(
        'The city must have been an active member of UNESCO Global Network of Learning Cities for more than 12 months.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('A past winner may be nominated again only 6 years after its award.')).toBeInTheDocument();
    expect(screen.getByText('Winning cities per country in one cycle: at most 1.')).toBeInTheDocument();
    expect(screen.getByText('max 2 nominations per National Commission for UNESCO')).toBeInTheDocument();
  });

  it('marks a cycle whose results are not published, in Thai', async () => {
    fakeApi({
      'GET /api/v1/award-programmes/thailand-learning-city-awards': { body: thailand },
      'GET /api/v1/award-cycles': { body: page([thailand2025]) },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<ProgrammePage />, { path: '/awards/thailand-learning-city-awards', route, language: 'th' });
    expect(await screen.findByRole('heading', { level: 1, name: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย' })).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย ประจำปี 2568' })).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('ปิดรับแล้ว')).toBeInTheDocument();
    expect(within(row).getByText('ยังไม่ประกาศผล')).toBeInTheDocument();
    expect(within(row).getByText(/^31 ตุลาคม /)).toBeInTheDocument();
    expect(await screen.findByText('เฉพาะเมืองในไทยเท่านั้น')).toBeInTheDocument();
  });

  it('lists the organisations with a role in the programme instead of the older free text, linked to their pages', async () => {
    fakeApi({
      'GET /api/v1/award-programmes/thailand-learning-city-awards': { body: thailand },
      'GET /api/v1/award-cycles': { body: page([thailand2025]) },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<ProgrammePage />, { path: '/awards/thailand-learning-city-awards', route });
    const list = await screen.findByRole('list', { name: 'Organisations with a role in Thailand Learning City Awards' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'University of Phayao: Secretariat (since 2025)',
      'Equitable Education Fund (EEF): Organiser (since 2025)',
      'Office of Knowledge Management and Development (OKMD): Organiser (since 2025)',
      'Program Management Unit for Area-Based Development (PMU-A): Organiser (since 2025)',
    ]);
    expect(within(list).getByRole('link', { name: 'Equitable Education Fund' })).toHaveAttribute('href', '/organisations/eef');
    expect(screen.getByRole('heading', { level: 2, name: 'Organisations' })).toBeInTheDocument();
    expect(screen.queryByText('PMU-A, EEF and OKMD, with UNESCO Bangkok')).not.toBeInTheDocument();
    expect(screen.queryByText('Organisers')).not.toBeInTheDocument();
  });

  it('keeps the older free-text organisers where the programme links no organisation', async () => {
    fakeApi({
      'GET /api/v1/award-programmes/thailand-learning-city-awards': { body: { ...thailand, organisations: [] } },
      'GET /api/v1/award-cycles': { body: page([thailand2025]) },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<ProgrammePage />, { path: '/awards/thailand-learning-city-awards', route });
    expect(await screen.findByText('Organisers')).toBeInTheDocument();
    expect(screen.getByText('Organisers').nextElementSibling).toHaveTextContent('PMU-A, EEF and OKMD, with UNESCO Bangkok');
    expect(screen.getByText('Secretariat').nextElementSibling).toHaveTextContent('University of Phayao');
    expect(screen.queryByRole('heading', { level: 2, name: 'Organisations' })).not.toBeInTheDocument();
  });

  it('shows a missing programme as not found', async () => {
    fakeApi({
      'GET /api/v1/award-programmes/nope': {
        status: 404,
        body: { type: 'urn:x', title: 'Not Found', status: 404, detail: 'no programme nope', code: 'not_found' },
      },
    });
    await renderAt(<ProgrammePage />, { path: '/awards/nope', route });
    expect(await screen.findByRole('alert')).toHaveTextContent('Not found');
    expect(screen.getByRole('heading', { level: 1, name: 'Award programme' })).toBeInTheDocument();
  });
});
