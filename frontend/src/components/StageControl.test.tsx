import { describe, expect, it, vi } from 'vitest';
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import { cycleFixture, problem } from '@/test/manageData';
import { StageControl } from './StageControl';

// The machine running the tests may be busy: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 });

describe('StageControl', () => {
  it('asks for confirmation, then sends only the next stage with the If-Match version', async () => {
    const requests = fakeApi({
      'POST /api/v1/award-cycles/8/status': { body: cycleFixture({ status: 'judging' }), headers: { ETag: '"v2"' } },
    });
    await renderAt(<StageControl cycle={{ data: cycleFixture({ status: 'open' }), etag: '"v1"' }} onReload={() => undefined} />);
    expect(screen.getByText('Open for nominations').closest('li')).toHaveAttribute('aria-current', 'step');
    await userEvent.click(screen.getByRole('button', { name: 'Move to the next stage: Judging' }));
    expect(requests).toHaveLength(0);
    expect(screen.getByText(/Nominations close: no new nominations/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, move to Judging' }));
    expect(await screen.findByText('The cycle is now at the stage: Judging.')).toBeInTheDocument();
    const sent = requests.filter((r) => r.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(await sent[0]?.json()).toEqual({ status: 'judging' });
    expect(sent[0]?.headers.get('If-Match')).toBe('"v1"');
  });

  it('warns what publishing does before the last step', async () => {
    fakeApi({});
    await renderAt(<StageControl cycle={{ data: cycleFixture({ status: 'closed' }), etag: null }} onReload={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Move to the next stage: Published' }));
    expect(screen.getByText(/every nomination still submitted or shortlisted becomes not awarded/)).toBeInTheDocument();
  });

  it('shows the API refusal of an illegal transition', async () => {
    fakeApi({
      'POST /api/v1/award-cycles/8/status': problem(409, 'illegal_transition', 'a cycle without categories cannot open'),
    });
    await renderAt(<StageControl cycle={{ data: cycleFixture({ status: 'draft', categories: [] }), etag: '"v1"' }} onReload={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Move to the next stage: Open for nominations' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, move to Open for nominations' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This step is not allowed from the current status.');
    expect(alert).toHaveTextContent('a cycle without categories cannot open');
  });

  it('offers to reload when someone moved the cycle meanwhile (412)', async () => {
    fakeApi({ 'POST /api/v1/award-cycles/8/status': problem(412, 'precondition_failed', 'the cycle changed') });
    const reload = vi.fn();
    await renderAt(<StageControl cycle={{ data: cycleFixture({ status: 'open' }), etag: '"old"' }} onReload={reload} />);
    await userEvent.click(screen.getByRole('button', { name: 'Move to the next stage: Judging' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, move to Judging' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Reload the current version' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('has no further step once published, in Thai too', async () => {
    fakeApi({});
    await renderAt(<StageControl cycle={{ data: cycleFixture({ status: 'published' }), etag: null }} onReload={() => undefined} />, { language: 'th' });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('รอบรางวัลประกาศผลแล้ว ซึ่งเป็นขั้นตอนสุดท้าย')).toBeInTheDocument();
  });
});
