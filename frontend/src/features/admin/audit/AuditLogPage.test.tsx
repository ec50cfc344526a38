import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import AdminArea from '@/features/admin/AdminArea';
import { CurrentUrl, queryOf, signedInAs, typeInto, UI_TEST_TIMEOUT } from '@/features/admin/testing';

const entry = {
  id: 31,
  at: '2026-03-02T10:00:00Z',
  actor: 'secretariat@example.org',
  actor_user_id: 2,
  action: 'update',
  entity: 'city',
  entity_id: '3',
  before: { slug: 'phayao', name: { en: 'Phayao', th: null }, population: 21000 },
  after: { slug: 'phayao', name: { en: 'Phayao', th: 'พะเยา' }, population: 21000 },
};

describe('the audit log', () => {
  it('filters through the URL and shows what an entry changed, before and after', async () => {
    const user = userEvent.setup();
    const requests = fakeApi({
      ...signedInAs('admin'),
      'GET /api/v1/audit-log': { body: { items: [entry], next_cursor: null, total: 1 } },
    });
    await renderAt(
      <>
        <AdminArea />
        <CurrentUrl />
      </>,
      { path: '/admin/audit?entity=city', route: '/admin/*' },
    );
    expect(await screen.findByRole('link', { name: '3' })).toHaveAttribute('href', '/admin/cities/phayao');
    expect(queryOf(requests.find((r) => r.url.includes('audit-log'))).get('entity')).toBe('city');

    await user.selectOptions(screen.getByLabelText('Action'), 'update');
    await typeInto(user, screen.getByLabelText('Who (email)'), 'secretariat@example.org');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByTestId('url')).toHaveTextContent('/admin/audit?entity=city&actor=secretariat%40example.org&action=update');
    await waitFor(() => {
      const last = queryOf(requests.filter((r) => r.url.includes('audit-log')).at(-1));
      expect([last.get('entity'), last.get('actor'), last.get('action')]).toEqual(['city', 'secretariat@example.org', 'update']);
    });

    await user.click(screen.getByText('1 field'));
    const row = within(screen.getByRole('table', { name: '' })).getByRole('row', { name: /name/ });
    expect(row).toHaveTextContent('en: Phayao · th: —');
    expect(row).toHaveTextContent('en: Phayao · th: พะเยา');
  }, UI_TEST_TIMEOUT);
});
