import { describe, expect, it } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import { cycleFixture, evaluationFixture, page, problem } from '@/test/manageData';
import ManageEvaluationsArea from './ManageEvaluationsArea';

// The machine running the tests may be busy: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 });

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/v1/award-cycles': page([cycleFixture({ status: 'closed' })]),
    'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'closed' }), headers: { ETag: '"c3"' } },
    'GET /api/v1/monitoring-rounds': page([]),
    'GET /api/v1/evaluations': page([evaluationFixture()]),
    'GET /api/v1/users': problem(403, 'forbidden', 'admin only'),
    ...extra,
  } as Parameters<typeof fakeApi>[0];
}

function at(path: string) {
  return renderAt(<ManageEvaluationsArea />, { path, route: '/manage/evaluations/*' });
}

describe('the evaluations of a cycle', () => {
  it('lists them for the cycle in the URL, with status and score', async () => {
    const requests = fakeApi(routes());
    await at('/manage/evaluations?cycle=8');
    const row = (await screen.findByRole('rowheader', { name: 'No. 31' })).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('Submitted')).toBeInTheDocument();
    expect(within(row).getByText('62.5')).toBeInTheDocument();
    expect(within(row).getByText('User 4')).toBeInTheDocument();
    const list = requests.find((r) => r.url.includes('/api/v1/evaluations?'));
    expect(new URL(list?.url ?? '').searchParams.get('cycle')).toBe('8');
  });

  it('returns an evaluation only with a reason', async () => {
    const requests = fakeApi(
      routes({ 'POST /api/v1/evaluations/31/return': { body: evaluationFixture({ status: 'returned', return_reason: 'Evidence for 1.2 is missing' }) } }),
    );
    await at('/manage/evaluations?cycle=8');
    await userEvent.click(await screen.findByRole('button', { name: 'Return evaluation 31 of Phayao' }));
    await userEvent.click(screen.getByRole('button', { name: 'Return to the evaluator' }));
    expect(screen.getByLabelText('Reason for the evaluator')).toHaveAccessibleDescription('Give the evaluator a reason for returning it.');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Reason for the evaluator'), 'Evidence for 1.2 is missing');
    await userEvent.click(screen.getByRole('button', { name: 'Return to the evaluator' }));
    expect(await screen.findByText('Evaluation 31 is now: Returned.')).toBeInTheDocument();
    const sent = requests.filter((r) => r.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(await sent[0]?.json()).toEqual({ reason: 'Evidence for 1.2 is missing' });
  });

  it('finalises after a confirmation and shows a refusal', async () => {
    const requests = fakeApi(
      routes({ 'POST /api/v1/evaluations/31/finalise': problem(409, 'illegal_transition', 'cannot finalise an evaluation that is `returned`') }),
    );
    await at('/manage/evaluations?cycle=8');
    const row = (await screen.findByRole('rowheader', { name: 'No. 31' })).closest('tr');
    if (!row) throw new Error('no row');
    await userEvent.click(within(row).getByRole('button', { name: 'Finalise evaluation 31 of Phayao' }));
    expect(within(row).getByText(/Accept evaluation 31 of Phayao as final\?/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, finalise' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This step is not allowed from the current status.');
    expect(alert).toHaveTextContent('cannot finalise an evaluation that is `returned`');
  });

  it('publishes the results through the cycle stage and links the public ranking', async () => {
    const requests = fakeApi(routes({ 'POST /api/v1/award-cycles/8/status': { body: cycleFixture({ status: 'published' }) } }));
    await at('/manage/evaluations?cycle=8');
    expect(await screen.findByRole('link', { name: 'Ranking of this cycle' })).toHaveAttribute('href', '/results?cycle=8');
    await userEvent.click(await screen.findByRole('button', { name: 'Move to the next stage: Published' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, move to Published' }));
    await screen.findByText('The cycle is now at the stage: Published.');
    const sent = requests.find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({ status: 'published' });
    expect(sent?.headers.get('If-Match')).toBe('"c3"');
  });
});
