/** The secretariat keeps the directory: a city created in the administration is public at once. */
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

before(async () => {
  service = await startService();
  secretariat = await service.addUser('secretariat@e2e.example.org', 'secretariat', { name: 'E2E Secretariat' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('the secretariat signs in, creates a city in the administration, and the public directory then lists it with its profile', async (t) => {
  await service.call('GET', '/api/v1/cities/nan', { expect: [404] });
  const staff = await openPage(t, browser, service);
  const page = staff.page;

  await signIn(page, secretariat);
  await page.waitForURL('**/admin');
  await page.getByRole('heading', { level: 1, name: en('admin', 'dashboard.title') }).waitFor();
  await page
    .getByRole('navigation', { name: en('admin', 'nav.label') })
    .getByRole('link', { name: en('admin', 'nav.cities'), exact: true })
    .click();
  await page.waitForURL('**/admin/cities');
  await page.getByRole('heading', { level: 1, name: en('admin', 'cities.title') }).waitFor();
  await page.getByRole('link', { name: en('admin', 'cities.new') }).click();
  await page.waitForURL('**/admin/cities/new');
  await page.getByRole('heading', { level: 1, name: en('admin', 'city.create_title') }).waitFor();

  await page.getByLabel(en('admin', 'city.fields.name_en')).fill('Nan');
  await page.getByLabel(en('admin', 'city.fields.name_th')).fill('น่าน');
  await page.getByLabel(en('admin', 'city.fields.country')).selectOption('TH');
  await page.getByLabel(en('admin', 'city.fields.province')).selectOption('TH-55');
  await page.getByLabel(en('admin', 'city.fields.population')).fill('20000');
  await page.getByRole('button', { name: en('admin', 'city.create') }).click();

  await page.waitForURL('**/admin/cities/nan');
  const created = page.getByRole('status').filter({ hasText: en('admin', 'city.created') });
  await created.waitFor();
  assert.equal(await created.getByRole('link').getAttribute('href'), '/cities/nan');
  await page.getByRole('heading', { level: 1, name: en('admin', 'city.edit_title', { name: 'Nan' }) }).waitFor();
  await created.getByRole('link', { name: en('admin', 'city.public_profile', { name: 'Nan' }), exact: true }).waitFor();
  await staff.done();
  const city = await read.city(service, 'nan');
  assert.deepEqual([city.name.en, city.name.th, city.country, city.province, city.population], [
    'Nan',
    'น่าน',
    'TH',
    'TH-55',
    20000,
  ]);

  // Anyone, signed out, finds it in the directory.
  const visitor = await openPage(t, browser, service);
  await visitor.page.goto('/cities');
  const filters = visitor.page.getByRole('search', { name: en('cities', 'filters.label') });
  await filters.getByLabel(en('cities', 'filters.q')).fill('Nan');
  await filters.getByRole('button', { name: en('cities', 'filters.search') }).click();
  await visitor.page.waitForURL((url) => url.searchParams.get('q') === 'Nan');
  const table = visitor.page.getByRole('table', { name: en('cities', 'table.caption') });
  await table.getByRole('link', { name: 'Nan', exact: true }).click();
  await visitor.page.waitForURL('**/cities/nan');
  await visitor.page.getByRole('heading', { level: 1, name: 'Nan', exact: true }).waitFor();
  await visitor.page.getByText('น่าน', { exact: true }).first().waitFor();
  await visitor.done();
});
