import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's `<h1>`, also written to the document title so each view has its own. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  return <h1>{children}</h1>;
}
