import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';

/** Any path the app does not know. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle>{t('not_found.title')}</PageTitle>
      <p>{t('not_found.detail')}</p>
      <Link to="/">{t('not_found.home')}</Link>
    </section>
  );
}
