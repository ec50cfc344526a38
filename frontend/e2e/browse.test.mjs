/**
 * Public browsing: the home page, the cities directory with its filters in the URL, a city's
 * profile, and the Thai interface.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, startService } from './harness.mjs';
import { en, th } from './messages.mjs';
import { read } from './setup.mjs';

/** @type {import('./harness.mjs').Service} */
let service;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  service = await startService();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('home shows the key figures; the directory filters by country and name, keeps them in the URL, and opens a city profile with its memberships', async (t) => {
  const cities = (await read.overview(service)).items.find((row) => row.key === 'cities');
  assert.ok(cities && cities.count > 0, 'the seed has cities');
  const phayao = await read.city(service, 'phayao');
  const matching = await read.cities(service, 'country=TH&q=Phayao');
  const { page, done } = await openPage(t, browser, service);

  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: en('home', 'title') }).waitFor();
  const figures = page.getByRole('region', { name: en('home', 'figures.title') });
  const count = new Intl.NumberFormat('en').format(cities.count);
  await figures.getByRole('link', { name: `${count} ${cities.label_en}` }).waitFor();

  await page.getByRole('link', { name: en('home', 'explore.cities') }).click();
  await page.waitForURL('**/cities');
  await page.getByRole('heading', { level: 1, name: en('cities', 'directory.title') }).waitFor();

  const filters = page.getByRole('search', { name: en('cities', 'filters.label') });
  await filters.getByLabel(en('cities', 'filters.country')).selectOption('TH');
  await page.waitForURL((url) => url.searchParams.get('country') === 'TH');
  await filters.getByLabel(en('cities', 'filters.q')).fill('Phayao');
  await filters.getByRole('button', { name: en('cities', 'filters.search') }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === 'Phayao' && url.searchParams.get('country') === 'TH');

  const total = en('cities', 'directory.total', { total: matching.total });
  await page.getByText(total, { exact: true }).waitFor();
  const table = page.getByRole('table', { name: en('cities', 'table.caption') });
  await table.getByRole('link', { name: phayao.name.en, exact: true }).waitFor();
  assert.equal(await table.getByRole('row').count(), matching.items.length + 1, 'one row per matching city under the header');

  // A shared or reloaded address shows the same view.
  await page.reload();
  await page.getByText(total, { exact: true }).waitFor();
  assert.equal(await filters.getByLabel(en('cities', 'filters.q')).inputValue(), 'Phayao');
  assert.equal(await filters.getByLabel(en('cities', 'filters.country')).inputValue(), 'TH');

  await table.getByRole('link', { name: phayao.name.en, exact: true }).click();
  await page.waitForURL('**/cities/phayao');
  await page.getByRole('heading', { level: 1, name: phayao.name.en, exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: en('cities', 'profile.memberships') }).waitFor();
  assert.ok(phayao.memberships.length > 0, 'Phayao has network memberships in the seed');
  for (const membership of phayao.memberships) {
    await page.getByRole('heading', { level: 3, name: membership.network_name.en, exact: true }).getByRole('link').waitFor();
  }
  await done();
});

test('choosing ไทย shows the Thai interface and the Thai city name, and a reload remembers it (html lang="th")', async (t) => {
  const phayao = await read.city(service, 'phayao');
  assert.ok(phayao.name.th, 'Phayao has a Thai name');
  assert.equal(phayao.name.th, 'พะเยา');
  const { page, done } = await openPage(t, browser, service);

  await page.goto('/cities/phayao');
  await page.getByRole('heading', { level: 1, name: phayao.name.en, exact: true }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  await page.getByLabel(en('common', 'language.label')).selectOption({ label: th('common', 'language.th') });
  await page.getByRole('heading', { level: 1, name: phayao.name.th, exact: true }).waitFor();
  await page.waitForFunction(() => document.documentElement.lang === 'th');
  const nav = page.getByRole('navigation', { name: th('common', 'nav.label') });
  await nav.getByRole('link', { name: th('common', 'nav.cities'), exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: th('cities', 'profile.memberships') }).waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: phayao.name.th, exact: true }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'th');
  assert.equal(await page.getByLabel(th('common', 'language.label')).inputValue(), 'th');

  await nav.getByRole('link', { name: th('common', 'nav.cities'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: th('cities', 'directory.title') }).waitFor();
  await done();
});
