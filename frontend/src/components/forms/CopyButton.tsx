import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A button that copies `text` to the clipboard and says (politely) whether it worked. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation('forms');
  const [outcome, setOutcome] = useState<'done' | 'failed' | null>(null);
  return (
    <span className="copy-button">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setOutcome('done');
          } catch {
            setOutcome('failed');
          }
        }}
      >
        {label ?? t('copy.button')}
      </button>{' '}
      <span role="status" className="muted">
        {outcome ? t(`copy.${outcome}`) : ''}
      </span>
    </span>
  );
}
