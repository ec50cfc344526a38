/**
 * The language a bilingual text is shown in: Thai only where a Thai form exists (else the English
 * fallback), so that `lang` can tell screen readers how to pronounce it.
 */
export function shownIn(value: { th?: string | null } | null | undefined, language: string): 'en' | 'th' {
  return language === 'th' && value?.th ? 'th' : 'en';
}
