/** The secretariat imports a CSV file in the administration: previewed, applied, and public at once. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
/** The folder of the file to upload. */
let folder = '';

/** One new city, clearly test data, in the columns of the cities export. */
const CITY = {
  slug: 'e2e-import-town',
  name: 'E2E Import Town',
  nameTh: 'เมืองทดสอบการนำเข้า',
  description: 'Test data written by the browser test',
};
const CSV = [
  'slug,name.en,name.th,country,province,lat,lon,description.en',
  `${CITY.slug},${CITY.name},${CITY.nameTh},TH,TH-56,19.17,99.9,${CITY.description}`,
  '',
].join('\n');

before(async () => {
  service = await startService();
  secretariat = await service.addUser('secretariat@e2e.example.org', 'secretariat', { name: 'E2E Secretariat' });
  folder = await mkdtemp(join(tmpdir(), 'lc-e2e-import-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

test('the secretariat previews and applies a CSV import of cities, and the public directory then lists the new city', async (t) => {
  await service.call('GET', `/api/v1/cities/${CITY.slug}`, { expect: [404] });
  const file = join(folder, 'cities.csv');
  await writeFile(file, CSV, 'utf8');

  const staff = await openPage(t, browser, service);
  const page = staff.page;
  await signIn(page, secretariat);
  await page.waitForURL('**/admin');
  await page
    .getByRole('navigation', { name: en('admin', 'nav.label') })
    .getByRole('link', { name: en('admin', 'nav.imports'), exact: true })
    .click();
  await page.waitForURL('**/admin/imports');
  await page.getByRole('heading', { level: 1, name: en('imports', 'title') }).waitFor();

  await page.getByLabel(en('imports', 'form.kind')).selectOption('cities');
  await page.getByText(en('imports', 'kinds.cities.description')).waitFor();
  await page.getByLabel(en('imports', 'form.file')).setInputFiles(file);
  await page.getByRole('button', { name: en('imports', 'form.preview'), exact: true }).click();

  // The preview: one city to create, nothing written yet.
  const summary = page.getByRole('list', { name: en('imports', 'report.summary') });
  await summary.getByRole('button', { name: `${en('imports', 'report.count.create')} 1`, exact: true }).waitFor();
  await summary.getByRole('button', { name: `${en('imports', 'report.count.error')} 0`, exact: true }).waitFor();
  const previewed = page.getByRole('table', { name: en('imports', 'preview.caption') });
  const row = previewed.getByRole('row', { name: new RegExp(CITY.slug) });
  assert.match(await row.innerText(), new RegExp(en('imports', 'report.action.create')));
  assert.match(await row.innerText(), new RegExp(`name.en: ${CITY.name}`));
  await service.call('GET', `/api/v1/cities/${CITY.slug}`, { expect: [404] });

  const apply = page.getByRole('button', { name: en('imports', 'apply.button'), exact: true });
  assert.equal(await apply.isEnabled(), true, 'Apply is enabled after a clean preview');
  await apply.click();
  await page
    .getByRole('status')
    .filter({ hasText: en('imports', 'result.done', { created: 1, updated: 0, unchanged: 0 }) })
    .waitFor();
  const [head, tail] = en('imports', 'result.import_id', { id: '#' }).split('#').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  await page.getByText(new RegExp(`^${head}\\d+${tail}$`)).waitFor();
  await staff.done();

  const city = await read.city(service, CITY.slug);
  assert.deepEqual([city.name.en, city.name.th, city.country, city.province, city.description?.en], [
    CITY.name,
    CITY.nameTh,
    'TH',
    'TH-56',
    CITY.description,
  ]);

  // Anyone, signed out, finds it in the directory and opens its profile.
  const visitor = await openPage(t, browser, service);
  await visitor.page.goto('/cities');
  const filters = visitor.page.getByRole('search', { name: en('cities', 'filters.label') });
  await filters.getByLabel(en('cities', 'filters.q')).fill(CITY.name);
  await filters.getByRole('button', { name: en('cities', 'filters.search') }).click();
  await visitor.page.waitForURL((url) => url.searchParams.get('q') === CITY.name);
  const table = visitor.page.getByRole('table', { name: en('cities', 'table.caption') });
  await table.getByRole('link', { name: CITY.name, exact: true }).click();
  await visitor.page.waitForURL(`**/cities/${CITY.slug}`);
  await visitor.page.getByRole('heading', { level: 1, name: CITY.name, exact: true }).waitFor();
  await visitor.page.getByText(CITY.description).first().waitFor();
  await visitor.done();
});
