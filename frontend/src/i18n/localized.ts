import { useTranslation } from 'react-i18next';

/** Bilingual text as the API sends it: `{ "en": "Phayao", "th": "พะเยา" }`. */
export interface LocalizedText {
  en: string;
  th?: string | null;
}

/** The text in `language`, falling back to English where no Thai form is recorded. */
export function pick(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return '';
  return language === 'th' && text.th ? text.th : text.en;
}

/** A picker bound to the current UI language, plus number and date formatting in it. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  // Thai with the Gregorian calendar: the data's years (joined, awarded) are Gregorian, and dates
  // must agree with them.
  const locale = language === 'th' ? 'th-TH-u-ca-gregory' : 'en-GB';
  return {
    language,
    text: (value: LocalizedText | null | undefined) => pick(value, language),
    number: (value: number | null | undefined, digits = 0) =>
      value == null ? '' : value.toLocaleString(locale, { maximumFractionDigits: digits }),
    date: (value: string | null | undefined) =>
      value ? new Date(value).toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' }) : '',
  };
}
