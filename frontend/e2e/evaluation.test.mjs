/**
 * Award judging end to end: an evaluator scores and submits an assignment in the browser, and
 * once the secretariat has finalised and published, the public results show the ranking.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, startService } from './harness.mjs';
import { en } from './messages.mjs';
import { evaluation, judgingCycle, leaves, read, scoreAndSubmit, scoreFor } from './setup.mjs';
import { signIn } from './ui.mjs';

/** @type {import('./harness.mjs').Service} */
let service;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./harness.mjs').Account} */
let secretariat;
/** @type {import('./harness.mjs').Account} */
let evaluator;

before(async () => {
  service = await startService();
  secretariat = await service.addUser('secretariat@e2e.example.org', 'secretariat', { name: 'E2E Secretariat' });
  evaluator = await service.addUser('evaluator@e2e.example.org', 'evaluator', { name: 'E2E Evaluator' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('an evaluator opens the assignment, scores every criterion, saves, submits and sees it submitted', async (t) => {
  const token = await service.token(secretariat);
  const setup = await judgingCycle(service, token, { year: 2026, city: 'phayao', evaluator: evaluator.id });
  const criteria = await leaves(service);
  assert.equal(criteria.length, 8, 'unesco-lca-2024-v1 has eight scored criteria');
  const phayao = await read.city(service, 'phayao');
  const { page, done } = await openPage(t, browser, service);

  await signIn(page, evaluator);
  await page.waitForURL('**/evaluate');
  await page.getByRole('heading', { level: 1, name: en('evaluate', 'list.title') }).waitFor();
  const list = page.getByRole('table', { name: en('evaluate', 'list.caption') });
  await list.getByRole('link', { name: phayao.name.en, exact: true }).click();
  await page.waitForURL(`**/evaluate/${setup.evaluationId}`);
  await page.getByRole('heading', { level: 1, name: en('evaluate', 'score.title', { city: phayao.name.en }) }).waitFor();

  const form = page.getByRole('form', { name: en('evaluate', 'score.form_label') });
  for (const [i, criterion] of criteria.entries()) {
    const scale = en('evaluate', 'score.score_label', { min: criterion.scale_min, max: criterion.scale_max });
    const name = `${scale} — ${criterion.code} ${criterion.title.en}`;
    const group = form.getByRole('group', { name, exact: true });
    await group.getByRole('radio', { name: String(scoreFor(criterion, i)), exact: true }).check();
  }
  const [first] = criteria;
  assert.ok(first);
  await form
    .getByLabel(`${en('evaluate', 'score.comment')} — ${first.code} ${first.title.en}`, { exact: true })
    .fill('Lifelong learning is part of the city plan (end-to-end test).');
  await page.getByText(en('evaluate', 'score.progress', { scored: criteria.length, total: criteria.length })).waitFor();

  await form.getByRole('button', { name: en('evaluate', 'actions.save'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: en('evaluate', 'notice.saved') }).waitFor();
  const saved = await evaluation(service, await service.token(evaluator), setup.evaluationId);
  assert.equal(saved.scores.length, criteria.length, 'every criterion was saved');
  assert.equal(saved.status, 'draft');

  await form.getByRole('button', { name: en('evaluate', 'actions.submit'), exact: true }).click();
  const confirm = page.getByRole('region', { name: en('evaluate', 'submit.title') });
  await confirm.getByRole('button', { name: en('evaluate', 'submit.confirm') }).click();
  await page.getByRole('status').filter({ hasText: en('evaluate', 'notice.submitted') }).waitFor();
  await page.getByText(en('evaluate', 'status.submitted'), { exact: true }).first().waitFor();
  assert.equal(await form.count(), 0, 'a submitted evaluation is no longer editable');

  await page.getByRole('link', { name: en('evaluate', 'score.back') }).click();
  await page.waitForURL('**/evaluate');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: phayao.name.en, exact: true }) });
  await row.getByText(en('evaluate', 'status.submitted'), { exact: true }).waitFor();
  await done();
});

test('the secretariat finalises a submitted evaluation and publishes the cycle (closed → published); the public results then rank the city', async (t) => {
  const token = await service.token(secretariat);
  const setup = await judgingCycle(service, token, { year: 2027, city: 'chiang-mai', evaluator: evaluator.id });
  await scoreAndSubmit(service, await service.token(evaluator), setup.evaluationId);
  const cityName = (await read.city(service, 'chiang-mai')).name.en;

  const staff = await openPage(t, browser, service);
  await signIn(staff.page, secretariat, `/manage/evaluations?cycle=${setup.cycleId}`);
  const page = staff.page;
  await page.getByRole('heading', { level: 1, name: en('manage', 'evaluations.title') }).waitFor();
  const named = { id: setup.evaluationId, city: cityName };
  await page.getByRole('button', { name: en('manage', 'evaluations.finalise_for', named) }).click();
  await page
    .getByRole('group', { name: en('manage', 'evaluations.finalise_for', named) })
    .getByRole('button', { name: en('manage', 'evaluations.finalise_submit') })
    .click();
  const final = en('manage', 'status.evaluation.final');
  await page.getByRole('status').filter({ hasText: en('manage', 'evaluations.moved', { id: setup.evaluationId, status: final }) }).waitFor();

  const publication = page.getByRole('region', { name: en('manage', 'publication.heading') });
  for (const stage of ['closed', 'published']) {
    const to = en('manage', `status.cycle.${stage}`);
    await publication.getByRole('button', { name: en('manage', 'stage.move', { to }) }).click();
    await publication
      .getByRole('group', { name: en('manage', 'stage.move', { to }) })
      .getByRole('button', { name: en('manage', 'stage.confirm_button', { to }) })
      .click();
    await publication.getByRole('status').filter({ hasText: en('manage', 'stage.moved', { to }) }).waitFor();
  }
  await staff.done();
  const cycle = await read.cycle(service, setup.cycleId);
  assert.equal(cycle.status, 'published');
  const [category] = cycle.categories;
  assert.ok(category);
  const [entry] = (await read.ranking(service, setup.cycleId, setup.category)).entries;
  assert.ok(entry, 'the ranking has the nomination');

  // The public, signed out, in a browser of its own.
  const visitor = await openPage(t, browser, service);
  await visitor.page.goto(`/results?cycle=${setup.cycleId}`);
  await visitor.page.getByRole('heading', { level: 1, name: en('results', 'title') }).waitFor();
  const table = visitor.page.getByRole('table', {
    name: en('results', 'ranking.caption', { category: category.name.en, cycle: cycle.title.en }),
  });
  const row = table.getByRole('row').filter({ has: visitor.page.getByRole('link', { name: cityName, exact: true }) });
  await row.waitFor();
  const cells = await row.getByRole('cell').allInnerTexts();
  const mean = entry.mean.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  assert.equal(cells[0], '1', 'the city is ranked first');
  assert.ok(cells.includes(mean), `the row shows the mean score ${mean}: ${cells.join(' | ')}`);
  await visitor.done();
});
