import { describe, expect, it } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import { cycleFixture, nominationFixture, page, problem } from '@/test/manageData';
import ManageAwardsArea from './ManageAwardsArea';

// The machine running the tests may be busy: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 });

const programme = {
  body: {
    id: 1,
    slug: 'thailand-learning-city-awards',
    name: { en: 'Thailand Learning City Awards' },
    cycle_years: [2027],
    eligibility: { country: 'TH', notes: ['Thai cities only'] },
  },
};

function at(path: string) {
  return renderAt(<ManageAwardsArea />, { path, route: '/manage/awards/*' });
}

describe('the nominations of a cycle', () => {
  it('lists city, category and status, and decides with the chosen status only', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'judging' }), headers: { ETag: '"c1"' } },
      'GET /api/v1/nominations': page([nominationFixture({ status: 'shortlisted' })]),
      'GET /api/v1/award-programmes/thailand-learning-city-awards': programme,
      'POST /api/v1/nominations/5/decision': { body: nominationFixture({ status: 'winner' }) },
    });
    await at('/manage/awards/cycles/8/nominations');
    const row = (await screen.findByRole('link', { name: 'Phayao' })).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('Equity')).toBeInTheDocument();
    expect(within(row).getAllByText('Shortlisted').length).toBeGreaterThan(0);
    expect(screen.getByText('Only cities in TH.')).toBeInTheDocument();
    const list = requests.find((r) => r.url.includes('/api/v1/nominations?'));
    expect(new URL(list?.url ?? '').searchParams.get('cycle')).toBe('8');
    await userEvent.selectOptions(within(row).getByLabelText('Decision'), 'winner');
    await userEvent.click(within(row).getByRole('button', { name: 'Save decision' }));
    expect(await within(row).findByText('Decision saved.')).toBeInTheDocument();
    const decision = requests.find((r) => r.method === 'POST');
    expect(decision?.url).toContain('/api/v1/nominations/5/decision');
    expect(await decision?.json()).toEqual({ status: 'winner' });
  });

  it('shows why a winner decision is refused', async () => {
    fakeApi({
      'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'closed' }) },
      'GET /api/v1/nominations': page([nominationFixture()]),
      'GET /api/v1/award-programmes/thailand-learning-city-awards': programme,
      'POST /api/v1/nominations/5/decision': problem(409, 'country_winner_limit', 'TH already has 1 winner in this cycle'),
    });
    await at('/manage/awards/cycles/8/nominations');
    await userEvent.selectOptions(await screen.findByLabelText('Decision'), 'winner');
    await userEvent.click(screen.getByRole('button', { name: 'Save decision' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("exceed the programme's limit of winners per country");
    expect(alert).toHaveTextContent('TH already has 1 winner in this cycle');
  });

  it('nominates a city on its behalf and explains a not_eligible refusal', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'open' }) },
      'GET /api/v1/nominations': page([]),
      'GET /api/v1/award-programmes/thailand-learning-city-awards': programme,
      'GET /api/v1/cities': page([{ slug: 'cork', name: { en: 'Cork' }, country: 'IE' }]),
      'POST /api/v1/nominations': problem(422, 'not_eligible', 'only cities in TH may be nominated'),
    });
    await at('/manage/awards/cycles/8/nominations');
    const form = await screen.findByRole('form', { name: 'Nominate a city' });
    await userEvent.selectOptions(within(form).getByLabelText('Category'), 'tlca-2027-economy');
    await within(form).findByRole('option', { name: 'Cork (IE)' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'City' }), 'cork');
    await userEvent.type(within(form).getByLabelText('Evidence links'), 'https://example.org/a{enter}https://example.org/b');
    await userEvent.click(within(form).getByRole('button', { name: 'Nominate' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("This city does not meet the programme's eligibility rules");
    expect(alert).toHaveTextContent('only cities in TH may be nominated');
    const sent = requests.find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({
      category: 'tlca-2027-economy',
      city: 'cork',
      statement: null,
      evidence_links: ['https://example.org/a', 'https://example.org/b'],
    });
  });

  it('withdraws a submitted nomination only after confirmation', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'open' }) },
      'GET /api/v1/nominations': page([nominationFixture()]),
      'GET /api/v1/award-programmes/thailand-learning-city-awards': programme,
      'GET /api/v1/cities': page([]),
      'POST /api/v1/nominations/5/withdraw': problem(409, 'withdrawal_closed', 'judging has started'),
    });
    await at('/manage/awards/cycles/8/nominations');
    const row = (await screen.findByRole('link', { name: 'Phayao' })).closest('tr');
    if (!row) throw new Error('no row');
    await userEvent.click(within(row).getByRole('button', { name: 'Withdraw' }));
    expect(within(row).getByText(/Withdraw the nomination of Phayao\? A withdrawal is final/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, withdraw' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('can no longer be withdrawn');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('keeps the status filter in the URL and sends it', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'published' }) },
      'GET /api/v1/nominations': page([]),
      'GET /api/v1/award-programmes/thailand-learning-city-awards': programme,
    });
    await at('/manage/awards/cycles/8/nominations?status=winner');
    expect(await screen.findByText('No nominations match.')).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('winner');
    const list = requests.find((r) => r.url.includes('/api/v1/nominations?'));
    expect(new URL(list?.url ?? '').searchParams.get('status')).toBe('winner');
    expect(screen.getByText(/Nominations are accepted only while the cycle is open/)).toBeInTheDocument();
  });
});
