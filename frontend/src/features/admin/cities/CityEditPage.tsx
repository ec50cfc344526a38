import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { citiesQueries } from '@/features/cities';
import { CityEditor } from './CityEditor';
import type { CreatedState } from './CityCreatePage';

function isCreated(state: unknown): state is CreatedState {
  return typeof state === 'object' && state !== null && 'created' in state;
}

function wasMoved(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'moved' in state;
}

/** `/admin/cities/:slug`: the city editor, the city's memberships, and the way back to the list. */
export function CityEditPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const navigate = useNavigate();
  const location = useLocation();
  const city = useQuery(citiesQueries.detail(slug));
  const name = city.data ? text(city.data.name) : slug;
  return (
    <>
      <PageTitle>{t('city.edit_title', { name })}</PageTitle>
      <p>
        <Link to="/admin/cities">{t('city.back')}</Link>
      </p>
      {isCreated(location.state) && (
        <p className="alert alert-ok" role="status">
          {t('city.created')} <Link to={`/cities/${slug}`}>{t('city.public_profile', { name })}</Link>
        </p>
      )}
      {wasMoved(location.state) && (
        <p className="alert alert-ok" role="status">
          {t('city.saved_moved', { slug })}
        </p>
      )}
      <CityEditor
        slug={slug}
        onSaved={(saved) => {
          if (saved.slug !== slug) navigate(`/admin/cities/${saved.slug}`, { replace: true, state: { moved: true } });
        }}
        onArchived={() => navigate('/admin/cities?archived=true', { state: { archived: name } })}
      />
      <section aria-labelledby="city-memberships">
        <h2 id="city-memberships">{t('city.memberships')}</h2>
        <ProblemAlert error={city.error} />
        {city.data && city.data.memberships.length === 0 && <p>{t('memberships.none')}</p>}
        {city.data && city.data.memberships.length > 0 && (
          <ul>
            {city.data.memberships.map((m) => (
              <li key={m.id}>
                <Link to={`/admin/memberships/${m.id}`}>{text(m.network_name)}</Link>{' '}
                <span className="muted">
                  {[
                    t(`membership.role.${m.role}`, { defaultValue: m.role }),
                    t(`membership.status.${m.status}`, { defaultValue: m.status }),
                    m.joined_year ?? '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/admin/memberships/new?city=${encodeURIComponent(slug)}`}>{t('memberships.add_for_city')}</Link>
        </p>
      </section>
    </>
  );
}
