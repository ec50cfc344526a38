import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderAt } from '@/test/render';
import EvaluatorArea from './EvaluatorArea';
import { evaluation, framework, rounds } from './fixtures';
import type { Evaluation } from './lookups';

/** Patience for answers on a busy machine. */
const wait = { timeout: 5000 };

function api(current: Evaluation, more: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/evaluations/7': { body: current, headers: { ETag: '"v1"' } },
    'GET /api/v1/frameworks/test-v1': { body: framework },
    'GET /api/v1/monitoring-rounds': { body: rounds },
    ...more,
  });
}

const open = (language = 'en') => renderAt(<EvaluatorArea />, { path: '/evaluate/7', route: '/evaluate/*', language });

/** The box of one criterion in the form. */
const criterionBox = (code: string) => {
  const box = document.getElementById(`criterion-${code.replace(/\./g, '_')}`);
  if (!box) throw new Error(`no criterion ${code}`);
  return box;
};

describe('the scoring form', { timeout: 20_000 }, () => {
  it('has one input per scorable criterion, under its area and focus headings, prefilled', async () => {
    api(evaluation());
    await open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Evaluation of Phayao' }, wait)).toBeInTheDocument();
    const area = await screen.findByRole('region', { name: '1 Governance' }, wait);
    expect(within(area).getByRole('heading', { level: 2, name: '1 Governance' })).toBeInTheDocument();
    const planning = within(area).getByRole('region', { name: '1.1 Planning' });
    expect(within(planning).getByRole('heading', { level: 3 })).toHaveTextContent('1.1 Planning');
    expect(within(planning).getAllByRole('group', { name: /^Score \(1 to 5\)/ })).toHaveLength(2);
    const partnership = within(area).getByRole('region', { name: '1.2 Partnership' });
    expect(within(partnership).getAllByRole('group', { name: /^Score/ })).toHaveLength(1);
    const learning = screen.getByRole('region', { name: '2 Learning' });
    expect(within(learning).queryAllByRole('group', { name: /^Score/ })).toHaveLength(0);
    const share = within(learning).getByRole('spinbutton', { name: /Score \(0 to 100\)/ });
    expect(share).toHaveAttribute('min', '0');
    expect(share).toHaveAttribute('max', '100');
    // Four leaves: three radio groups and one number input; areas and focus areas have none.
    expect(screen.getAllByRole('group', { name: /^Score/ })).toHaveLength(3);
    expect(screen.getAllByRole('spinbutton')).toHaveLength(1);
    expect(within(criterionBox('1.1.1')).getByRole('radio', { name: '4' })).toBeChecked();
    expect(within(criterionBox('1.1.1')).getByRole('textbox', { name: /Comment and evidence/ })).toHaveValue('Plan adopted 2023.');
    expect(within(criterionBox('1.1.2')).getByText('wording not verified')).toBeInTheDocument();
    expect(screen.getByText('1 of 4 criteria scored.', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Monitoring 2026 (2026)')).toBeInTheDocument();
  });

  it('saves the entered scores and comments with PUT, then says so', async () => {
    const requests = api(evaluation(), {
      'PUT /api/v1/evaluations/7/scores': {
        body: evaluation({
          scores: [
            { criterion: '1.1.1', score: 4, comment: 'Plan adopted 2023.', evidence_links: ['https://phayao.example/plan'] },
            { criterion: '1.1.2', score: 3, comment: 'Budget line since 2024.', evidence_links: [] },
            { criterion: '2.1.1', score: 62.5, comment: null, evidence_links: ['https://phayao.example/survey'] },
          ],
        }),
      },
    });
    await open();
    const user = userEvent.setup();
    await user.click(within(await findBox('1.1.2')).getByRole('radio', { name: '3' }));
    await typeInto(user, within(criterionBox('1.1.2')).getByRole('textbox', { name: /Comment and evidence/ }), 'Budget line since 2024.');
    await typeInto(user, within(criterionBox('2.1.1')).getByRole('spinbutton'), '62.5');
    await typeInto(user, within(criterionBox('2.1.1')).getByRole('textbox', { name: /Evidence links/ }), 'https://phayao.example/survey');
    expect(screen.getByText('3 of 4 criteria scored.', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Your scores are saved.', undefined, wait)).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.url).toMatch(/\/api\/v1\/evaluations\/7\/scores$/);
    expect(await put?.json()).toEqual({
      scores: [
        { criterion: '1.1.1', score: 4, comment: 'Plan adopted 2023.', evidence_links: ['https://phayao.example/plan'] },
        { criterion: '1.1.2', score: 3, comment: 'Budget line since 2024.', evidence_links: [] },
        { criterion: '2.1.1', score: 62.5, comment: null, evidence_links: ['https://phayao.example/survey'] },
      ],
    });
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();
  });

  it('clears a saved score with score null, and shows the API field errors at their criterion', async () => {
    const requests = api(evaluation(), {
      'PUT /api/v1/evaluations/7/scores': {
        status: 422,
        body: {
          code: 'validation_failed',
          title: 'Validation failed',
          status: 422,
          detail: 'invalid fields',
          errors: [{ field: 'scores[1].score', message: 'must be from 0 to 100' }],
        },
      },
    });
    await open();
    const user = userEvent.setup();
    await user.click(within(await findBox('1.1.1')).getByRole('radio', { name: 'No score' }));
    await typeInto(user, within(criterionBox('2.1.1')).getByRole('spinbutton'), '140');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await within(criterionBox('2.1.1')).findByText('score: must be from 0 to 100', undefined, wait)).toBeInTheDocument();
    expect(within(criterionBox('1.1.1')).queryByText(/must be from/)).not.toBeInTheDocument();
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({
      scores: [
        { criterion: '1.1.1', score: null },
        { criterion: '2.1.1', score: 140, comment: null, evidence_links: [] },
      ],
    });
  });

  it('lists the missing criteria of an incomplete submit and links to them', async () => {
    const requests = api(evaluation(), {
      'POST /api/v1/evaluations/7/submit': {
        status: 422,
        body: {
          code: 'incomplete_evaluation',
          title: 'Incomplete evaluation',
          status: 422,
          detail: 'score every required criterion first; missing: 1.1.2, 2.1.1',
        },
      },
    });
    await open();
    const user = userEvent.setup();
    await findBox('1.1.1');
    await user.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    await user.click(screen.getByRole('button', { name: 'Yes, submit' }));
    const alert = await screen.findByRole('alert', undefined, wait);
    expect(alert).toHaveTextContent('Score these required criteria before submitting (2):');
    const links = within(alert).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['1.1.2 A budget for learning', '2.1.1 Share of adults learning']);
    expect(within(criterionBox('1.1.2')).getByText('This required criterion has no score yet.')).toBeInTheDocument();
    expect(within(criterionBox('1.1.1')).queryByText('This required criterion has no score yet.')).not.toBeInTheDocument();
    await user.click(links[1] as HTMLElement);
    expect(within(criterionBox('2.1.1')).getByRole('spinbutton')).toHaveFocus();
    const submit = requests.find((r) => r.method === 'POST');
    expect(submit?.headers.get('If-Match')).toBe('"v1"');
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('shows the reason of a returned evaluation and keeps it editable', async () => {
    api(evaluation({ status: 'returned', return_reason: 'Add evidence for 1.1.1, please.' }));
    await open();
    expect(await screen.findByText('The secretariat returned this evaluation to you', undefined, wait)).toBeInTheDocument();
    expect(screen.getByText('Reason: Add evidence for 1.1.1, please.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    expect(within(criterionBox('1.1.1')).getByRole('radio', { name: '4' })).toBeEnabled();
  });

  it('shows a submitted evaluation read-only', async () => {
    api(evaluation({ status: 'submitted', submitted_at: '2026-01-07T09:00:00Z' }));
    await open();
    expect(await screen.findByText('4 on the scale 1 to 5', undefined, wait)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'https://phayao.example/plan' })).toHaveAttribute('href', 'https://phayao.example/plan');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Not scored')).toHaveLength(3);
  });

  it('recuses only after confirming, with the reason', async () => {
    const requests = api(evaluation(), {
      'POST /api/v1/evaluations/7/recuse': { body: evaluation({ status: 'recused', recusal_reason: 'I advised the city in 2025.' }) },
    });
    await open();
    const user = userEvent.setup();
    await findBox('1.1.1');
    await user.click(screen.getByRole('button', { name: 'Recuse' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Recuse from this evaluation' }));
    expect(await screen.findByText('Give a reason.', undefined, wait)).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await typeInto(user, screen.getByRole('textbox', { name: 'Reason for recusing' }), 'I advised the city in 2025.');
    await user.click(screen.getByRole('button', { name: 'Recuse from this evaluation' }));
    expect(await screen.findByText('You have recused yourself from this evaluation.', undefined, wait)).toBeInTheDocument();
    const recuse = requests.find((r) => r.method === 'POST');
    expect(await recuse?.json()).toEqual({ reason: 'I advised the city in 2025.' });
    expect(screen.getByText('Reason: I advised the city in 2025.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
  });

  it('speaks Thai', async () => {
    api(evaluation());
    await open('th');
    expect(await screen.findByRole('heading', { level: 1, name: 'การประเมิน พะเยา' }, wait)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'บันทึกฉบับร่าง' }, wait)).toBeInTheDocument();
  });
});

/** Types by pasting: one change instead of one per key, which is slow in jsdom for a long form. */
async function typeInto(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, text: string) {
  await user.click(element);
  await user.paste(text);
}

async function findBox(code: string) {
  await waitFor(() => criterionBox(code), wait);
  return criterionBox(code);
}
