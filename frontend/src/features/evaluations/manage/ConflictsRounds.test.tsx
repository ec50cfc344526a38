import { describe, expect, it } from 'vitest';
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import { page, problem } from '@/test/manageData';
import ManageEvaluationsArea from './ManageEvaluationsArea';

// The machine running the tests may be busy: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 });

function at(path: string) {
  return renderAt(<ManageEvaluationsArea />, { path, route: '/manage/evaluations/*' });
}

describe('conflicts of interest', () => {
  it('records a conflict of an evaluator with a city and shows a duplicate refusal', async () => {
    const requests = fakeApi({
      'GET /api/v1/conflicts': page([]),
      'GET /api/v1/users': page([
        { id: 4, email: 'judge@example.org', display_name: 'Judge Four', role: 'evaluator', active: true, created_at: '', updated_at: '' },
      ]),
      'GET /api/v1/cities': page([{ slug: 'phayao', name: { en: 'Phayao', th: 'พะเยา' }, country: 'TH' }]),
      'POST /api/v1/conflicts': problem(409, 'duplicate', 'this conflict is already declared'),
    });
    await at('/manage/evaluations/conflicts');
    expect(await screen.findByText('No conflicts are declared.')).toBeInTheDocument();
    await userEvent.selectOptions(await screen.findByLabelText('Evaluator'), '4');
    await screen.findByRole('option', { name: 'Phayao (TH)' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'City' }), 'phayao');
    await userEvent.type(screen.getByLabelText('Reason'), 'Former adviser to the city');
    await userEvent.click(screen.getByRole('button', { name: 'Record the conflict' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This already exists.');
    expect(alert).toHaveTextContent('this conflict is already declared');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({ evaluator: 4, city: 'phayao', reason: 'Former adviser to the city' });
  });
});

describe('monitoring rounds', () => {
  it('publishes an open round after a confirmation', async () => {
    const round = { id: 3, framework: 'kflc-v1', year: 2026, title: { en: 'Monitoring 2026' }, status: 'open' };
    const requests = fakeApi({
      'GET /api/v1/monitoring-rounds': page([round]),
      'GET /api/v1/frameworks': page([]),
      'POST /api/v1/monitoring-rounds/3/publish': { status: 204, body: null },
    });
    await at('/manage/evaluations/rounds');
    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(screen.getByText(/Publish Monitoring 2026\? Its averages become public/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, publish' }));
    expect(await screen.findByText('Monitoring 2026 is published.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('creates a round from a framework, a year and a title', async () => {
    const requests = fakeApi({
      'GET /api/v1/monitoring-rounds': page([]),
      'GET /api/v1/frameworks': page([{ id: 1, slug: 'kflc-v1', family: 'kflc', version: 1, name: { en: 'KFLC' }, verified: false, frozen: false }]),
      'POST /api/v1/monitoring-rounds': problem(409, 'duplicate', 'a round of kflc-v1 for 2026 exists'),
    });
    await at('/manage/evaluations/rounds');
    await userEvent.selectOptions(await screen.findByLabelText('Framework'), 'kflc-v1');
    await userEvent.type(screen.getByLabelText('Year'), '2026');
    await userEvent.type(screen.getByLabelText('Title (English)'), 'Monitoring 2026');
    await userEvent.click(screen.getByRole('button', { name: 'Create the round' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('a round of kflc-v1 for 2026 exists');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({
      framework: 'kflc-v1',
      year: 2026,
      title: { en: 'Monitoring 2026', th: null },
    });
  });
});
