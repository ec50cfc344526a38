/**
 * WCAG 2.1 A and AA checks (axe-core) on every page of the app, public and signed in, once it has
 * loaded its data; and the directory at a phone's viewport.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { launchBrowser, openPage, startService } from './harness.mjs';
import { en, msg } from './messages.mjs';
import { judgingCycle, moveCycle, read, scoreAndSubmit } from './setup.mjs';
import { signIn } from './ui.mjs';

/** @type {import('./harness.mjs').Service} */
let service;
/** @type {import('playwright-core').Browser} */
let browser;
/**
 * @typedef {import('./setup.mjs').Schemas} Schemas
 * @typedef {'admin' | 'secretariat' | 'evaluator' | 'city_editor'} Role
 * @typedef {{
 *   accounts: Record<Role, import('./harness.mjs').Account>,
 *   city: Schemas['City'],
 *   network: Schemas['Network'],
 *   programme: Schemas['Programme'],
 *   organisation: Schemas['Organisation'],
 *   event: Schemas['Event'],
 *   proposal: Schemas['Event'],
 *   cycle: Schemas['Cycle'],
 *   framework: Schemas['Framework'],
 *   ranked: Awaited<ReturnType<typeof judgingCycle>>,
 *   draft: number,
 * }} Fixture
 */
/**
 * What the pages show, read from the API (or made through it) before the checks: the accounts, a
 * published cycle with a ranking, an assignment still to be scored, and a city's proposed event,
 * so the results, the staff pages, the scoring form and the proposals have rows to show.
 * @type {Fixture}
 */
let data;

before(async () => {
  service = await startService();
  const accounts = {
    admin: await service.addUser('admin@e2e.example.org', 'admin', { name: 'E2E Admin' }),
    secretariat: await service.addUser('secretariat@e2e.example.org', 'secretariat', { name: 'E2E Secretariat' }),
    evaluator: await service.addUser('evaluator@e2e.example.org', 'evaluator', { name: 'E2E Evaluator' }),
    city_editor: await service.addUser('editor@e2e.example.org', 'city_editor', { name: 'E2E Editor', city: 'phayao' }),
  };
  const cycle = (await read.cycles(service, 'unesco-learning-city-award')).items.find((c) => c.year === 2024);
  assert.ok(cycle, 'the seed has the UNESCO 2024 cycle');

  const token = await service.token(accounts.secretariat);
  const ranked = await judgingCycle(service, token, { year: 2026, city: 'chiang-mai', evaluator: accounts.evaluator.id });
  await scoreAndSubmit(service, await service.token(accounts.evaluator), ranked.evaluationId);
  await service.call('POST', `/api/v1/evaluations/${ranked.evaluationId}/finalise`, { token });
  await moveCycle(service, token, ranked.cycleId, 'closed');
  await moveCycle(service, token, ranked.cycleId, 'published');
  const draft = await judgingCycle(service, token, { year: 2027, city: 'phayao', evaluator: accounts.evaluator.id });
  const proposal = /** @type {import('./setup.mjs').Schemas['Event']} */ (
    (
      await service.call('POST', '/api/v1/events', {
        token: await service.token(accounts.city_editor),
        body: {
          slug: 'e2e-proposed-forum',
          type: 'forum',
          title: { en: 'E2E proposed forum', th: 'เวทีเสวนาที่เสนอ (ทดสอบ)' },
          starts_on: '2027-03-01',
          ends_on: '2027-03-01',
          starts_at: '09:00',
          ends_at: '12:00',
          sessions: [{ title: { en: 'Opening' }, on: '2027-03-01', starts_at: '09:00', speakers: [{ name: 'E2E Speaker' }] }],
          cities: [{ city: 'phayao', role: 'presenter' }],
        },
      })
    ).body
  );

  data = {
    accounts,
    city: await read.city(service, 'phayao'),
    network: await read.network(service, 'unesco-gnlc'),
    programme: await read.programme(service, 'unesco-learning-city-award'),
    organisation: await read.organisation(service, 'pmu-a'),
    event: await read.event(service, 'asean-plus-3-learning-cities-conference-2024'),
    proposal,
    cycle,
    framework: await read.framework(service, 'kflc-v1'),
    ranked,
    draft: draft.evaluationId,
  };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

/**
 * Opens `path`, waits for its page heading and for every loading placeholder to be gone, checks
 * that no error is shown, and runs axe; the minor and moderate findings are reported as the
 * test's diagnostics.
 * @param {import('node:test').TestContext} t @param {import('playwright-core').Page} page
 * @param {string} path @param {string | RegExp} heading
 */
async function check(t, page, path, heading) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
  const problems = await page.locator('.alert-error').allInnerTexts();
  assert.deepEqual(problems, [], `${path} shows no error`);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, `${path} has exactly one h1`);
  const minor = await checkAccessibility(page, path);
  for (const v of minor) t.diagnostic(`${v.impact}: ${v.id} (${v.help}) at ${v.targets.map((n) => n.target).join(', ')}`);
}

/**
 * @typedef {{ name: string, path: () => string, heading: () => string | RegExp }} PageCheck
 * Paths and headings are functions: they name records read in `before`.
 */

/**
 * One test per page, in one browser context (signed in first when `role` is given).
 * @param {string} title @param {Role | null} role @param {PageCheck[]} pages
 */
function checkPages(title, role, pages) {
  describe(title, () => {
    /** @type {import('playwright-core').Page} */
    let page;
    /** @type {() => Promise<void>} */
    let done;
    /** @type {() => Promise<void>} */
    let close;
    before(async () => {
      ({ page, done, close } = await openPage(null, browser, service));
      if (role) await signIn(page, data.accounts[role]);
    });
    after(() => close?.());
    for (const { name, path, heading } of pages) {
      test(`axe finds no serious or critical WCAG 2.1 AA violation on ${name}`, async (t) => {
        t.diagnostic(path());
        await check(t, page, path(), heading());
        await done();
      });
    }
  });
}

/** A page check. @param {string} name @param {() => string} path @param {() => string | RegExp} heading */
const at = (name, path, heading) => ({ name, path, heading });
checkPages('public pages', null, [
  at('the home page', () => '/', () => en('home', 'title')),
  at('the cities directory', () => '/cities', () => en('cities', 'directory.title')),
  at('the filtered cities directory', () => '/cities?country=TH&q=Phayao', () => en('cities', 'directory.title')),
  at('a city profile', () => `/cities/${data.city.slug}`, () => data.city.name.en),
  at('the networks', () => '/networks', () => en('networks', 'list.title')),
  at('a network', () => `/networks/${data.network.slug}`, () => data.network.name.en),
  at('the awards', () => '/awards', () => en('awards', 'programmes.title')),
  at('an award programme', () => `/awards/${data.programme.slug}`, () => data.programme.name.en),
  at('an award cycle', () => `/awards/cycles/${data.cycle.id}`, () => data.cycle.title.en),
  at('the organisations', () => '/organisations', () => en('organisations', 'list.title')),
  at('an organisation', () => `/organisations/${data.organisation.slug}`, () => data.organisation.name.en),
  at('the events', () => '/events', () => en('events', 'list.title')),
  at('a month of events', () => '/events?month=2024-10', () => en('events', 'list.title')),
  at('an event', () => `/events/${data.event.slug}`, () => data.event.title.en),
  at('the results with a ranking', () => `/results?cycle=${data.ranked.cycleId}`, () => en('results', 'title')),
  at('the data and API page', () => '/data', () => en('data', 'title')),
  at('the sign-in page', () => '/login', () => en('common', 'auth.title')),
]);

checkPages('secretariat pages', 'secretariat', [
  at('the administration', () => '/admin', () => en('admin', 'dashboard.title')),
  at('the administration of cities', () => '/admin/cities', () => en('admin', 'cities.title')),
  at('the new-city form', () => '/admin/cities/new', () => en('admin', 'city.create_title')),
  at('the city editor', () => `/admin/cities/${data.city.slug}`, () => en('admin', 'city.edit_title', { name: data.city.name.en })),
  at('the administration of networks', () => '/admin/networks', () => en('admin', 'networks.title')),
  at('the new-network form', () => '/admin/networks/new', () => en('admin', 'network.create_title')),
  at('the administration of organisations', () => '/admin/organisations', () => en('organisations', 'manage.list_title')),
  at('the new-organisation form', () => '/admin/organisations/new', () => en('organisations', 'manage.create_title')),
  at(
    'the organisation editor',
    () => `/admin/organisations/${data.organisation.slug}`,
    () => en('organisations', 'manage.edit_title', { name: data.organisation.name.en }),
  ),
  at('the administration of memberships', () => '/admin/memberships', () => en('admin', 'memberships.title')),
  at('the new-membership form', () => '/admin/memberships/new', () => en('admin', 'membership.create_title')),
  at('the import page', () => '/admin/imports', () => en('imports', 'title')),
  at('the events and proposals', () => '/admin/events', () => en('events', 'manage.list_title')),
  at('the new-event form', () => '/admin/events/new', () => en('events', 'manage.create_title')),
  at('the event editor', () => `/admin/events/${data.event.slug}`, () => en('events', 'manage.edit_title', { name: data.event.title.en })),
  at(
    'a proposal in the event editor',
    () => `/admin/events/${data.proposal.slug}`,
    () => en('events', 'manage.edit_title', { name: data.proposal.title.en }),
  ),
  at('the API keys', () => '/admin/api-keys', () => en('admin', 'keys.title')),
  at('the award cycles management', () => '/manage/awards', () => en('manage', 'awards.title')),
  at('the new-cycle form', () => '/manage/awards/new', () => en('manage', 'new_cycle.title')),
  at(
    'the management of a cycle',
    () => `/manage/awards/cycles/${data.ranked.cycleId}`,
    () => en('manage', 'cycle.page_overview', { title: data.ranked.title }),
  ),
  at(
    "a cycle's nominations",
    () => `/manage/awards/cycles/${data.ranked.cycleId}/nominations`,
    () => en('manage', 'cycle.page_nominations', { title: data.ranked.title }),
  ),
  at('the evaluations management', () => '/manage/evaluations', () => en('manage', 'evaluations.title')),
  at(
    'the evaluations of a cycle',
    () => `/manage/evaluations?cycle=${data.ranked.cycleId}`,
    () => en('manage', 'evaluations.title'),
  ),
  at('the assignment form', () => '/manage/evaluations/assign', () => en('manage', 'assign.title')),
  at('the conflicts of interest', () => '/manage/evaluations/conflicts', () => en('manage', 'conflicts.title')),
  at('the monitoring rounds', () => '/manage/evaluations/rounds', () => en('manage', 'rounds.title')),
  at('the frameworks', () => '/manage/evaluations/frameworks', () => en('manage', 'frameworks.title')),
  at('a framework', () => `/manage/evaluations/frameworks/${data.framework.slug}`, () => data.framework.name.en),
]);

checkPages('admin-only pages', 'admin', [
  at('the accounts', () => '/admin/users', () => en('admin', 'users.title')),
  at('the new-account form', () => '/admin/users/new', () => en('admin', 'user.create_title')),
  at('the audit log', () => '/admin/audit', () => en('admin', 'audit.title')),
]);

checkPages('evaluator pages', 'evaluator', [
  at('the assignments', () => '/evaluate', () => en('evaluate', 'list.title')),
  at('the scoring form', () => `/evaluate/${data.draft}`, () => en('evaluate', 'score.title', { city: data.city.name.en })),
]);

checkPages('city editor pages', 'city_editor', [
  at("the editor's city", () => '/my-city', () => en('editor', 'city.title', { city: data.city.name.en })),
  at("the editor's city form", () => '/my-city/edit', () => en('editor', 'edit.title', { city: data.city.name.en })),
  at("the city's nominations", () => '/my-city/nominations', () => en('editor', 'nominations.title', { city: data.city.name.en })),
  at('the nomination form', () => '/my-city/nominations/new', () => en('editor', 'nominate.title', { city: data.city.name.en })),
  at("the city's events", () => '/my-city/events', () => en('events', 'manage.city_title', { city: data.city.name.en })),
  at('the event proposal form', () => '/my-city/events/new', () => en('events', 'manage.propose_title')),
]);

test('on a phone (390×844) the cities directory has no serious or critical violation and does not scroll sideways', async (t) => {
  const { page, done } = await openPage(t, browser, service, { viewport: { width: 390, height: 844 } });
  await check(t, page, '/cities', en('cities', 'directory.title'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await done();
});

test('in Thai (a th-TH browser) the home page and a city profile have no serious or critical violation', async (t) => {
  const { page, done } = await openPage(t, browser, service, { locale: 'th-TH' });
  await check(t, page, '/', msg('th', 'home', 'title'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'th');
  await check(t, page, `/cities/${data.city.slug}`, data.city.name.th ?? data.city.name.en);
  await done();
});
