/** What a user does in the browser again and again: signing in. */
import { en } from './messages.mjs';

/**
 * Signs `account` in on the login page and waits until the app left it (for the role's workspace,
 * or `next`).
 * @param {import('playwright-core').Page} page @param {import('./harness.mjs').Account} account
 * @param {string} [next] where to go after signing in (a path of the app)
 */
export async function signIn(page, account, next) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByRole('heading', { level: 1, name: en('common', 'auth.title') }).waitFor();
  await page.getByLabel(en('common', 'auth.email')).fill(account.email);
  await page.getByLabel(en('common', 'auth.password')).fill(account.password);
  await page.getByRole('button', { name: en('common', 'auth.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('button', { name: en('common', 'auth.logout') }).waitFor();
}
