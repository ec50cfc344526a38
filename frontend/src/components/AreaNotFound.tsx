import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';

/** An address inside a staff area that names no view. */
export function AreaNotFound({ back }: { back: string }) {
  const { t } = useTranslation('manage');
  return (
    <>
      <PageTitle>{t('not_found.title', { ns: 'common' })}</PageTitle>
      <p>{t('not_found.detail', { ns: 'common' })}</p>
      <p>
        <Link to={back}>{t('not_found.back')}</Link>
      </p>
    </>
  );
}
