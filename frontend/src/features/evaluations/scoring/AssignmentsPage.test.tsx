import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import EvaluatorArea from './EvaluatorArea';
import { evaluation, framework, rounds } from './fixtures';

/** Patience for answers on a busy machine. */
const wait = { timeout: 5000 };

const award = evaluation({ id: 9, city: 'nan', city_name: { en: 'Nan', th: 'น่าน' }, round_id: null, nomination_id: 41, status: 'returned', overall: null });
const monitoring = evaluation();
const cycle = {
  id: 8,
  programme: 'thailand-learning-city-awards',
  year: 2027,
  status: 'judging',
  title: { en: 'Thailand Learning City Awards 2027', th: null },
  categories: [],
  criteria: [],
  framework: 'test-v1',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

function api() {
  return fakeApi({
    'GET /api/v1/evaluations': (request) => {
      const query = new URL(request.url).searchParams;
      if (query.get('cycle') === '8') return { body: { items: [award], next_cursor: null, total: 1 } };
      const items = [award, monitoring].filter((e) => !query.get('status') || e.status === query.get('status'));
      return { body: { items, next_cursor: null, total: items.length } };
    },
    'GET /api/v1/frameworks': { body: { items: [framework], next_cursor: null, total: 1 } },
    'GET /api/v1/monitoring-rounds': { body: rounds },
    'GET /api/v1/award-cycles': { body: { items: [cycle], next_cursor: null, total: 1 } },
  });
}

describe('my assignments', { timeout: 20_000 }, () => {
  it('lists my evaluations with their city, context, framework and status', async () => {
    api();
    await renderAt(<EvaluatorArea />, { path: '/evaluate', route: '/evaluate/*' });
    expect(await screen.findByRole('heading', { level: 1, name: 'My assignments' }, wait)).toBeInTheDocument();
    const nan = (await screen.findByRole('link', { name: 'Nan' }, wait)).closest('tr') as HTMLElement;
    expect(within(nan).getByRole('link', { name: 'Nan' })).toHaveAttribute('href', '/evaluate/9');
    expect(within(nan).getByText('Award nomination 41')).toBeInTheDocument();
    expect(await within(nan).findByRole('link', { name: 'Thailand Learning City Awards 2027' }, wait)).toHaveAttribute('href', '/awards/cycles/8');
    expect(within(nan).getByText('Returned for changes')).toBeInTheDocument();
    expect(within(nan).getByText('Not scored yet')).toBeInTheDocument();
    const phayao = screen.getByRole('link', { name: 'Phayao' }).closest('tr') as HTMLElement;
    expect(await within(phayao).findByText('Monitoring 2026 (2026)', undefined, wait)).toBeInTheDocument();
    expect(within(phayao).getByText('Test framework')).toBeInTheDocument();
    expect(within(phayao).getByText('Draft')).toBeInTheDocument();
    expect(within(phayao).getByText('75')).toBeInTheDocument();
  });

  it('filters by status, asking the API for it', async () => {
    const requests = api();
    await renderAt(<EvaluatorArea />, { path: '/evaluate', route: '/evaluate/*' });
    await screen.findByRole('link', { name: 'Phayao' }, wait);
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'returned');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Phayao' })).not.toBeInTheDocument(), wait);
    expect(screen.getByRole('link', { name: 'Nan' })).toBeInTheDocument();
    expect(requests.some((r) => new URL(r.url).searchParams.get('status') === 'returned')).toBe(true);
  });
});
