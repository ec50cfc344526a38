/**
 * The secretariat records an event in the administration: it is public at once, on the profile of
 * the city taking part and in that city's calendar feed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, startService } from './harness.mjs';
import { en } from './messages.mjs';
import { read } from './setup.mjs';
import { signIn } from './ui.mjs';

/** @type {import('./harness.mjs').Service} */
let service;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./harness.mjs').Account} */
let secretariat;

/** A forum in Phayao next year, clearly test data; its slug is made from the English title. */
const YEAR = new Date().getUTCFullYear() + 1;
const EVENT = {
  slug: 'e2e-phayao-learning-forum',
  title: 'E2E Phayao Learning Forum',
  first: `${YEAR}-03-01`,
  last: `${YEAR}-03-02`,
  sessions: ['Opening of the forum', 'City exchange'],
  city: 'phayao',
};

before(async () => {
  service = await startService();
  secretariat = await service.addUser('secretariat@e2e.example.org', 'secretariat', { name: 'E2E Secretariat' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

/** iCalendar text with its folded lines joined again (RFC 5545 §3.1). @param {string} text */
function unfold(text) {
  return text.replace(/\r?\n[ \t]/g, '');
}

test('the secretariat creates an event with two sessions and a participating city; the city profile and its calendar feed show it', async (t) => {
  await service.call('GET', `/api/v1/events/${EVENT.slug}`, { expect: [404] });
  const staff = await openPage(t, browser, service);
  const page = staff.page;

  await signIn(page, secretariat);
  await page.waitForURL('**/admin');
  await page
    .getByRole('navigation', { name: en('admin', 'nav.label') })
    .getByRole('link', { name: en('admin', 'nav.events'), exact: true })
    .click();
  await page.waitForURL('**/admin/events');
  await page.getByRole('heading', { level: 1, name: en('events', 'manage.list_title') }).waitFor();
  await page.getByRole('link', { name: en('events', 'manage.new') }).click();
  await page.waitForURL('**/admin/events/new');
  await page.getByRole('heading', { level: 1, name: en('events', 'manage.create_title') }).waitFor();

  await page.getByLabel(en('events', 'manage.fields.title_en'), { exact: true }).fill(EVENT.title);
  await page.getByLabel(en('events', 'manage.fields.type'), { exact: true }).selectOption('forum');
  await page.getByLabel(en('events', 'manage.fields.starts_on'), { exact: true }).fill(EVENT.first);
  await page.getByLabel(en('events', 'manage.fields.ends_on'), { exact: true }).fill(EVENT.last);
  await page.getByLabel(en('events', 'manage.fields.starts_at'), { exact: true }).fill('09:00');

  for (const [i, title] of EVENT.sessions.entries()) {
    await page.getByRole('button', { name: en('events', 'manage.session.add') }).click();
    const session = page.getByRole('group', { name: en('events', 'manage.session.legend', { n: i + 1 }), exact: true });
    await session.getByLabel(en('events', 'manage.session.title_en'), { exact: true }).fill(title);
    await session.getByLabel(en('events', 'manage.session.on'), { exact: true }).fill(i === 0 ? EVENT.first : EVENT.last);
  }
  const opening = page.getByRole('group', { name: en('events', 'manage.session.legend', { n: 1 }), exact: true });
  await opening.getByLabel(en('events', 'manage.session.starts_at'), { exact: true }).fill('09:00');
  await opening.getByRole('button', { name: en('events', 'manage.speaker.add', { n: 1 }) }).click();
  await opening.getByLabel(en('events', 'manage.speaker.name', { n: 1 }), { exact: true }).fill('E2E Speaker');
  const exchange = page.getByRole('group', { name: en('events', 'manage.session.legend', { n: 2 }), exact: true });
  await exchange.getByLabel(en('events', 'manage.session.part_of_day'), { exact: true }).selectOption('afternoon');

  await page.getByRole('button', { name: en('events', 'manage.city.add') }).click();
  const city = page.getByRole('group', { name: en('events', 'manage.city.legend', { n: 1 }), exact: true });
  await city.getByLabel(en('events', 'manage.city.city'), { exact: true }).fill(EVENT.city);
  await city.getByLabel(en('events', 'manage.city.role'), { exact: true }).selectOption('presenter');
  await page.getByRole('button', { name: en('events', 'manage.create') }).click();

  await page.waitForURL(`**/admin/events/${EVENT.slug}`);
  const created = page.getByRole('status').filter({ hasText: en('events', 'manage.created') });
  await created.waitFor();
  assert.equal(await created.getByRole('link').getAttribute('href'), `/events/${EVENT.slug}`);
  await page.getByRole('heading', { level: 1, name: en('events', 'manage.edit_title', { name: EVENT.title }) }).waitFor();
  await staff.done();

  const event = await read.event(service, EVENT.slug);
  assert.equal(event.status, 'published');
  assert.deepEqual([event.when.precision, event.when.starts_on, event.when.ends_on, event.when.starts_at], ['day', EVENT.first, EVENT.last, '09:00']);
  assert.deepEqual(event.sessions.map((s) => [s.title.en, s.on, s.starts_at, s.part_of_day]), [
    [EVENT.sessions[0], EVENT.first, '09:00', null],
    [EVENT.sessions[1], EVENT.last, null, 'afternoon'],
  ]);
  assert.deepEqual(event.sessions[0]?.speakers.map((s) => s.name), ['E2E Speaker']);
  assert.deepEqual(event.cities.map((c) => [c.city, c.role]), [[EVENT.city, 'presenter']]);

  // Anyone, signed out, finds it on the city's profile and opens it.
  const visitor = await openPage(t, browser, service);
  await visitor.page.goto(`/cities/${EVENT.city}`);
  const events = visitor.page.getByRole('list', { name: en('events', 'city.list', { city: 'Phayao' }) });
  await events.getByRole('link', { name: EVENT.title, exact: true }).click();
  await visitor.page.waitForURL(`**/events/${EVENT.slug}`);
  await visitor.page.getByRole('heading', { level: 1, name: EVENT.title, exact: true }).waitFor();
  const agenda = visitor.page.getByRole('region', { name: en('events', 'agenda.heading') });
  for (const title of EVENT.sessions) await agenda.getByRole('heading', { level: 3, name: title, exact: true }).waitFor();
  await visitor.page
    .getByRole('list', { name: en('events', 'cities.list', { name: EVENT.title }) })
    .getByRole('link', { name: 'Phayao', exact: true })
    .waitFor();
  await visitor.done();

  // The city's calendar feed has it.
  const response = await fetch(`${service.url}/api/v1/cities/${EVENT.city}/events?format=ics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
  const calendar = unfold(await response.text());
  assert.match(calendar, new RegExp(`^SUMMARY:${EVENT.title}\\r?$`, 'm'));
  assert.match(calendar, new RegExp(`^DTSTART(;TZID=[^:]+)?:${EVENT.first.replaceAll('-', '')}T\\d{6}Z?\\r?$`, 'm'));
});
