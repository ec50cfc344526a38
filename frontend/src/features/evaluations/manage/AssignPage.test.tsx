import { describe, expect, it } from 'vitest';
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import { cycleFixture, evaluationFixture, nominationFixture, page, problem } from '@/test/manageData';
import ManageEvaluationsArea from './ManageEvaluationsArea';

// The machine running the tests may be busy: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 });

const common = {
  'GET /api/v1/award-cycles': page([cycleFixture({ status: 'judging' })]),
  'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'judging' }) },
  'GET /api/v1/nominations': page([nominationFixture()]),
  'GET /api/v1/monitoring-rounds': page([]),
  'GET /api/v1/users': page([
    { id: 4, email: 'judge@example.org', display_name: 'Judge Four', role: 'evaluator', active: true, created_at: '', updated_at: '' },
  ]),
};

function at(path: string) {
  return renderAt(<ManageEvaluationsArea />, { path, route: '/manage/evaluations/*' });
}

describe('assigning an evaluator', () => {
  it('shows why the API refuses an evaluator with a conflict of interest', async () => {
    const requests = fakeApi({
      ...common,
      'POST /api/v1/evaluations': problem(409, 'conflict_of_interest', 'the evaluator may not score this city: declared conflict (lives there)'),
    });
    await at('/manage/evaluations/assign?cycle=8&nomination=5');
    expect(await screen.findByText('Framework used: kflc-v1 (the cycle\'s).')).toBeInTheDocument();
    expect(await screen.findByLabelText('Nomination')).toHaveValue('5');
    await userEvent.selectOptions(await screen.findByLabelText('Evaluator'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This evaluator has a conflict of interest with the city and may not evaluate it.');
    expect(alert).toHaveTextContent('declared conflict (lives there)');
    const sent = requests.find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({ evaluator: 4, nomination: 5 });
  });

  it('asks for the evaluator accounts only, and confirms the assignment', async () => {
    const requests = fakeApi({
      ...common,
      'POST /api/v1/evaluations': { status: 201, body: evaluationFixture({ status: 'draft', id: 40 }) },
    });
    await at('/manage/evaluations/assign?cycle=8&nomination=5');
    await userEvent.selectOptions(await screen.findByLabelText('Evaluator'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText(/Assigned: evaluation 40 of Phayao, against kflc-v1/)).toBeInTheDocument();
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({ evaluator: 4, nomination: 5 });
    const roles = requests.filter((r) => new URL(r.url).pathname === '/api/v1/users').map((r) => new URL(r.url).searchParams.get('role'));
    expect(new Set(roles)).toEqual(new Set(['evaluator']));
  });

  it('sends nothing without an evaluator', async () => {
    const requests = fakeApi(common);
    await at('/manage/evaluations/assign?cycle=8&nomination=5');
    await screen.findByLabelText('Evaluator');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Choose the evaluator.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('warns when the cycle has no framework to judge against', async () => {
    fakeApi({
      ...common,
      'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'judging', framework: null }) },
    });
    await at('/manage/evaluations/assign?cycle=8');
    expect(await screen.findByRole('link', { name: "Set the cycle's framework" })).toHaveAttribute('href', '/manage/awards/cycles/8/edit');
  });
});
