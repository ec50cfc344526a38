/**
 * English and Thai. Every UI string lives in `en/<namespace>.json` and `th/<namespace>.json`
 * (one namespace per feature area, `common` for the shell). `common` ships with the app; the
 * other namespaces load with the pages that use them, in the current language only
 * (`useTranslation('<namespace>')` suspends until they are there). The choice of language is
 * remembered in localStorage and written to `<html lang>`.
 */
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages of the UI. */
export const LANGUAGES = ['en', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'lc.language';

type Messages = Record<string, unknown>;
const shell = import.meta.glob<Messages>('./*/common.json', { eager: true, import: 'default' });
const pages = import.meta.glob<Messages>(['./*/*.json', '!./*/common.json'], { import: 'default' });

function split(path: string): [string, string] | null {
  const match = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(path);
  return match?.[1] && match[2] ? [match[1], match[2]] : null;
}

/** Every namespace of the app. */
export const NAMESPACES = [
  'common',
  ...new Set(Object.keys(pages).flatMap((path) => split(path)?.[1] ?? [])),
];

const resources: Record<string, Record<string, Messages>> = {};
for (const [path, messages] of Object.entries(shell)) {
  const [language, namespace] = split(path) ?? [];
  if (language && namespace) (resources[language] ??= {})[namespace] = messages;
}

/** Loads a page namespace's messages as a chunk of their own. */
const chunks: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = pages[`./${language}/${namespace}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (messages) => callback(null, messages),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'en' || stored === 'th') return stored;
  const browser = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return browser.toLowerCase().startsWith('th') ? 'th' : 'en';
}

void i18n
  .use(chunks)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
    lng: initialLanguage(),
    fallbackLng: 'en',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** Loads every namespace in both languages (for tests, which render pages without waiting). */
export async function loadAllMessages(): Promise<void> {
  await i18n.loadNamespaces(NAMESPACES);
  await i18n.loadLanguages([...LANGUAGES]);
}

function applyLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
});

export default i18n;
