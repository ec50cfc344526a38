import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '.';

const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, messages] of Object.entries(files)) {
  const [, language, namespace] = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(path) ?? [];
  if (language && namespace) (resources[language] ??= {})[namespace] = messages;
}

/** Every leaf of a message tree as `a.b.c` → text. */
function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') {
      for (const [k, v] of leaves(value as Record<string, unknown>, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

describe('messages', () => {
  const en = resources.en ?? {};
  const th = resources.th ?? {};

  it('has the same namespaces in English and Thai, all known to the loader', () => {
    expect(Object.keys(en).length).toBeGreaterThan(1);
    expect(Object.keys(th).sort()).toEqual(Object.keys(en).sort());
    expect([...NAMESPACES].sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('namespace %s has the same keys in both languages, none empty', (ns) => {
    const english = leaves(en[ns] ?? {});
    const thai = leaves(th[ns] ?? {});
    expect([...thai.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of [...english, ...thai]) {
      expect(typeof value, `${ns}:${key}`).toBe('string');
      expect(String(value).trim(), `${ns}:${key}`).not.toBe('');
    }
  });

  it.each(Object.keys(th))('namespace %s is written in Thai script in the Thai file', (ns) => {
    const thai = [...leaves(th[ns] ?? {}).values()].map(String);
    const inThai = thai.filter((text) => /[\u0E00-\u0E7F]/.test(text));
    expect(inThai.length / thai.length, ns).toBeGreaterThan(0.5);
  });
});
