import { useTranslation } from 'react-i18next';

interface Props {
  /** Rows on this page and in all. */
  shown: number;
  total: number;
  /** Is there a page before / after this one? */
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}

/** Previous / next paging for cursor-paged lists, with the count of matching rows. */
export function Pager({ shown, total, hasPrevious, hasNext, onPrevious, onNext }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <p role="status">{t('pager.summary', { shown, total })}</p>
      <div className="pager-buttons">
        <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
          {t('pager.previous')}
        </button>
        <button type="button" onClick={onNext} disabled={!hasNext}>
          {t('pager.next')}
        </button>
      </div>
    </nav>
  );
}
