import { useTranslation } from 'react-i18next';

/** Scores written the same way everywhere on the results page: one decimal, z-scores two and signed. */
export function useScoreFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'th' ? 'th-TH' : 'en-GB';
  return {
    score: (value: number) => value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    z: (value: number) =>
      value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
  };
}
