/**
 * Accessibility checks with axe-core, injected into the page (page.evaluate is not subject to the
 * page's Content-Security-Policy).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe over the whole document; throws listing every serious or critical violation (rule id,
 * help, the selectors of the offending elements). Minor and moderate ones are returned.
 * @param {import('playwright-core').Page} page @param {string} what names the page in the message
 */
export async function checkAccessibility(page, what) {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const { axe } = /** @type {{ axe: typeof import('axe-core') }} */ (/** @type {unknown} */ (window));
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, TAGS);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) {
    const lines = blocking.map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>\n` +
        v.targets.map((t) => `    ${t.target}\n      ${t.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    );
    throw new Error(`accessibility violations on ${what} (${page.url()}):\n${lines.join('\n')}`);
  }
  return violations;
}
