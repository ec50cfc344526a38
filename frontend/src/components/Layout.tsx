import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/auth/AuthProvider';
import { LANGUAGES } from '@/i18n';

/** The shell of every page: skip link, header with navigation and language choice, footer. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { user, hasRole, logout } = useAuth();
  const navigate = useNavigate();
  const staff = hasRole('admin', 'secretariat');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand">
            {t('app.name')}
          </NavLink>
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              <li><NavLink to="/cities">{t('nav.cities')}</NavLink></li>
              <li><NavLink to="/networks">{t('nav.networks')}</NavLink></li>
              <li><NavLink to="/awards">{t('nav.awards')}</NavLink></li>
              <li><NavLink to="/events">{t('nav.events')}</NavLink></li>
              <li><NavLink to="/organisations">{t('nav.organisations')}</NavLink></li>
              <li><NavLink to="/results">{t('nav.results')}</NavLink></li>
              <li><NavLink to="/data">{t('nav.data')}</NavLink></li>
              {staff && <li><NavLink to="/admin">{t('nav.admin')}</NavLink></li>}
              {staff && <li><NavLink to="/manage/awards">{t('nav.manage_awards')}</NavLink></li>}
              {staff && <li><NavLink to="/manage/evaluations">{t('nav.manage_evaluations')}</NavLink></li>}
              {hasRole('evaluator') && <li><NavLink to="/evaluate">{t('nav.evaluate')}</NavLink></li>}
              {hasRole('city_editor') && <li><NavLink to="/my-city">{t('nav.my_city')}</NavLink></li>}
            </ul>
          </nav>
          <div className="header-tools">
            <label className="language-choice">
              <span className="visually-hidden">{t('language.label')}</span>
              <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {t(`language.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            {user ? (
              <span className="account">
                <span className="account-name">{user.display_name}</span>
                <button
                  type="button"
                  onClick={() => {
                    void logout().then(() => navigate('/'));
                  }}
                >
                  {t('auth.logout')}
                </button>
              </span>
            ) : (
              user === null && <NavLink to="/login">{t('auth.login')}</NavLink>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('loading')}
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
        <p>
          <a href="/api/docs/">{t('footer.api_docs')}</a> · <NavLink to="/data">{t('footer.open_data')}</NavLink>
        </p>
      </footer>
    </>
  );
}
