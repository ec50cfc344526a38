import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { NextEvents } from '@/features/events';
import { HomeMap } from './HomeMap';
import { KeyFigures } from './KeyFigures';
import { LatestAwards } from './LatestAwards';
import './home.css';

/** The public home page: what the platform holds, the cities on the map, the next events and the latest awards. */
export default function HomePage() {
  const { t } = useTranslation('home');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p className="home-intro">{t('intro')}</p>
      <nav aria-label={t('explore.label')}>
        <ul className="actions home-explore">
          <li><Link className="button primary" to="/cities">{t('explore.cities')}</Link></li>
          <li><Link className="button" to="/networks">{t('explore.networks')}</Link></li>
          <li><Link className="button" to="/awards">{t('explore.awards')}</Link></li>
          <li><Link className="button" to="/data">{t('explore.data')}</Link></li>
        </ul>
      </nav>
      <KeyFigures />
      <HomeMap />
      <NextEvents />
      <LatestAwards />
    </>
  );
}
