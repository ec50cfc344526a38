/**
 * The SPA's own messages (`src/i18n/<language>/<namespace>.json`), so selectors follow the wording
 * instead of copying it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @typedef {'en' | 'th'} Language
 * @typedef {{ [key: string]: string | Messages }} Messages
 */

/**
 * The messages of one namespace in one language.
 * @param {Language} language @param {string} namespace @returns {Messages}
 */
function load(language, namespace) {
  try {
    return require(`../src/i18n/${language}/${namespace}.json`);
  } catch (e) {
    throw new Error(`src/i18n/${language}/${namespace}.json cannot be read: ${e instanceof Error ? e.message : e}`);
  }
}

/**
 * The raw message at a dotted `key`, following i18next's plural suffixes when `count` is given.
 * @param {Language} language @param {string} namespace @param {string} key @param {number} [count]
 */
function raw(language, namespace, key, count) {
  const messages = load(language, namespace);
  /** @param {string} path @returns {string | Messages | undefined} */
  const lookup = (path) =>
    path
      .split('.')
      .reduce(
        (/** @type {string | Messages | undefined} */ node, part) => (typeof node === 'object' ? node[part] : undefined),
        messages,
      );
  if (count !== undefined) {
    const form = new Intl.PluralRules(language).select(count);
    const plural = lookup(`${key}_${form}`) ?? lookup(`${key}_other`);
    if (typeof plural === 'string') return plural;
  }
  const value = lookup(key);
  if (typeof value !== 'string') throw new Error(`no message ${namespace}:${key} in ${language}`);
  return value;
}

/**
 * A message in a language, interpolated like i18next (`{{name}}`).
 * @param {Language} language @param {string} namespace @param {string} key
 * @param {Record<string, string | number>} [values]
 */
export function msg(language, namespace, key, values = {}) {
  const count = typeof values.count === 'number' ? values.count : undefined;
  return raw(language, namespace, key, count).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) =>
    name in values ? String(values[name]) : `{{${name}}}`,
  );
}

/** An English message. @param {string} namespace @param {string} key @param {Record<string, string | number>} [values] */
export function en(namespace, key, values) {
  return msg('en', namespace, key, values);
}

/** A Thai message. @param {string} namespace @param {string} key @param {Record<string, string | number>} [values] */
export function th(namespace, key, values) {
  return msg('th', namespace, key, values);
}
