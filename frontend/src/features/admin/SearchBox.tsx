import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** The search in effect (from the URL). */
  value: string;
  onSearch(value: string): void;
}

/** A search field that applies on Enter or its button, so each keystroke does not reload a list. */
export function SearchBox({ label, value, onSearch }: Props) {
  const { t } = useTranslation('admin');
  const [typed, setTyped] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setTyped(value);
  }
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(typed.trim());
      }}
    >
      <label>
        {label}
        <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <button type="submit">{t('search')}</button>
    </form>
  );
}
