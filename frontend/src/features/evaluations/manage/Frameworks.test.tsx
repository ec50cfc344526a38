import { describe, expect, it } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import { fakeApi, renderAt } from '@/test/render';
import ManageEvaluationsArea from './ManageEvaluationsArea';

// The machine running the tests may be busy: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 });

const criterion = (code: string, level: string, parent: string | null, verified: boolean, en: string) => ({
  id: code.length,
  code,
  level,
  parent,
  title: { en, th: null },
  weight: 1,
  scale_min: 1,
  scale_max: 5,
  required: true,
  verified,
  position: 1,
});

describe('a framework', () => {
  it('shows its criteria as a tree and marks the unverified texts', async () => {
    fakeApi({
      'GET /api/v1/frameworks/kflc-v1': {
        body: {
          id: 1,
          slug: 'kflc-v1',
          family: 'kflc',
          version: 1,
          name: { en: 'Key Features of Learning Cities' },
          verified: false,
          frozen: true,
          criteria: [
            criterion('1', 'area', null, true, 'Wider benefits'),
            criterion('1.1', 'focus', '1', true, 'Empowering individuals'),
            criterion('1.1.1', 'feature', '1.1', false, 'Draft feature text'),
          ],
        },
      },
    });
    await renderAt(<ManageEvaluationsArea />, { path: '/manage/evaluations/frameworks/kflc-v1', route: '/manage/evaluations/*' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Key Features of Learning Cities' })).toBeInTheDocument();
    expect(screen.getByText('1 of the 3 criteria are marked unverified: their texts are not checked against the official framework.')).toBeInTheDocument();
    const feature = screen.getByText('Draft feature text').closest('li');
    if (!feature) throw new Error('no feature');
    expect(within(feature).getByText('Unverified')).toBeInTheDocument();
    expect(within(feature).getByText(/scale 1 to 5/)).toBeInTheDocument();
    const focus = screen.getByText('Empowering individuals').closest('li');
    expect(focus?.contains(feature)).toBe(true);
    const area = screen.getByText('Wider benefits').closest('li');
    if (!area) throw new Error('no area');
    expect(within(area).getAllByText('Unverified')).toHaveLength(1);
  });
});
