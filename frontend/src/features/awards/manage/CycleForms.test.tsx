import { describe, expect, it } from 'vitest';
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import { cycleFixture, page, problem } from '@/test/manageData';
import ManageAwardsArea from './ManageAwardsArea';

// The machine running the tests may be busy: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 });

const programmes = page([
  { id: 1, slug: 'thailand-learning-city-awards', name: { en: 'Thailand Learning City Awards' }, cycle_years: [], eligibility: { notes: [] } },
]);
const frameworks = page([{ id: 1, slug: 'kflc-v1', family: 'kflc', version: 1, name: { en: 'Key Features' }, verified: false, frozen: false }]);

function at(path: string) {
  return renderAt(<ManageAwardsArea />, { path, route: '/manage/awards/*' });
}

describe('creating a cycle', () => {
  it('sends the programme, year, texts and categories, and shows field errors by category', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-programmes': programmes,
      'GET /api/v1/frameworks': frameworks,
      'POST /api/v1/award-cycles': problem(422, 'validation_failed', 'invalid fields', [
        { field: 'categories[1].name.en', message: 'is required' },
      ]),
    });
    await at('/manage/awards/new?programme=thailand-learning-city-awards');
    expect(await screen.findByLabelText('Programme')).toHaveValue('thailand-learning-city-awards');
    await userEvent.type(screen.getByLabelText(/^Year/), '2028');
    await userEvent.type(screen.getByLabelText('Title (English)'), 'TLCA 2028');
    await userEvent.selectOptions(await screen.findByLabelText(/^Evaluation framework/), 'kflc-v1');
    await userEvent.type(screen.getByLabelText('Category 1: name (English)'), 'Equity');
    await userEvent.click(screen.getByRole('button', { name: 'Add a category' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create the draft cycle' }));
    expect(await screen.findByLabelText('Category 2: name (English)')).toHaveAccessibleDescription('is required');
    const sent = requests.find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({
      programme: 'thailand-learning-city-awards',
      year: 2028,
      title: { en: 'TLCA 2028', th: null },
      framework: 'kflc-v1',
      categories: [
        { name: { en: 'Equity', th: null }, slug: null, description: null },
        { name: { en: null, th: null }, slug: null, description: null },
      ],
    });
  });
});

describe('editing a cycle', () => {
  it('sends a merge patch of the changed fields with If-Match, and re-applies them after a 412', async () => {
    let version = 1;
    const requests = fakeApi({
      'GET /api/v1/award-cycles/8': () => ({
        body: cycleFixture({ status: 'draft', ceremony_on: version === 1 ? null : '2027-10-31' }),
        headers: { ETag: `"v${version}"` },
      }),
      'GET /api/v1/frameworks': frameworks,
      'PATCH /api/v1/award-cycles/8': (request) =>
        request.headers.get('If-Match') === `"v${version}"`
          ? { body: cycleFixture({ status: 'draft', nominations_close_on: null }), headers: { ETag: '"v3"' } }
          : problem(412, 'precondition_failed', 'the cycle changed'),
    });
    await at('/manage/awards/cycles/8/edit');
    await userEvent.clear(await screen.findByLabelText(/^Nominations close on/));
    await userEvent.type(screen.getByLabelText('Title (Thai)'), ' (ร่าง)');
    version = 2;
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const [first] = requests.filter((r) => r.method === 'PATCH');
    expect(first?.headers.get('If-Match')).toBe('"v1"');
    expect(first?.headers.get('Content-Type')).toBe('application/merge-patch+json');
    expect(await first?.json()).toEqual({ title: { th: 'รางวัลเมืองแห่งการเรียนรู้ 2570 (ร่าง)' }, nominations_close_on: null });
    await userEvent.click(await screen.findByRole('button', { name: 'Apply my changes to the current version' }));
    expect(await screen.findByText('Your changes were applied to the current version and saved.')).toBeInTheDocument();
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]?.headers.get('If-Match')).toBe('"v2"');
  });

  it('shows why a change is refused', async () => {
    fakeApi({
      'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'closed' }), headers: { ETag: '"v1"' } },
      'GET /api/v1/frameworks': frameworks,
      'PATCH /api/v1/award-cycles/8': problem(409, 'cycle_published', 'the cycle was published'),
    });
    await at('/manage/awards/cycles/8/edit');
    await userEvent.type(await screen.findByLabelText('Title (English)'), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A published cycle can no longer be changed.');
    expect(alert).toHaveTextContent('the cycle was published');
  });

  it('does not offer to edit a published cycle', async () => {
    fakeApi({ 'GET /api/v1/award-cycles/8': { body: cycleFixture({ status: 'published' }) } });
    await at('/manage/awards/cycles/8/edit');
    expect(await screen.findByText('This cycle is published and can no longer be edited.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });
});

describe('the list of cycles', () => {
  it('shows every programme with its cycles, drafts included, and filters by status in the URL', async () => {
    const requests = fakeApi({
      'GET /api/v1/award-programmes': programmes,
      'GET /api/v1/award-cycles': page([cycleFixture({ status: 'draft' })]),
    });
    await at('/manage/awards?status=draft');
    expect(await screen.findByRole('heading', { level: 2, name: 'Thailand Learning City Awards' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Thailand Learning City Awards 2027' })).toHaveAttribute('href', '/manage/awards/cycles/8');
    const list = requests.find((r) => r.url.includes('/api/v1/award-cycles?'));
    const query = new URL(list?.url ?? '').searchParams;
    expect(query.get('status')).toBe('draft');
    expect(query.get('programme')).toBe('thailand-learning-city-awards');
  });
});
