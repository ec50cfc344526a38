import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '@/i18n/localized';
import { groupLinks, pickAbbreviation, yearsOf, type LinkedOrganisation, type OrganisationLink } from './model';
import './organisations.css';

/** An organisation's name, linked to its page, with its abbreviation where that says something more. */
export function OrganisationName({ organisation }: { organisation: Pick<LinkedOrganisation, 'slug' | 'name' | 'abbreviation'> }) {
  const { text, language } = useLocalized();
  const name = text(organisation.name);
  const abbreviation = pickAbbreviation(organisation.abbreviation, language);
  return (
    <>
      <Link to={`/organisations/${encodeURIComponent(organisation.slug)}`}>{name}</Link>
      {abbreviation && abbreviation !== name && <> ({abbreviation})</>}
    </>
  );
}

/**
 * "Organisations": the organisations a network or award programme names, each once with its
 * roles there (translated, with their years) and a link to its page; nothing where it names none.
 */
export function OrganisationLinks({ organisations, of }: { organisations: readonly OrganisationLink[]; of: string }) {
  const { t } = useTranslation('organisations');
  const heading = useId();
  if (organisations.length === 0) return null;
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{t('links.heading')}</h2>
      <ul className="organisation-links" aria-label={t('links.list', { name: of })}>
        {groupLinks(organisations).map((organisation) => (
          <li key={organisation.slug}>
            <OrganisationName organisation={organisation} />
            {': '}
            {organisation.roles
              .map((role) => {
                const label = t(`role.${role.role}`, { defaultValue: role.role });
                const years = yearsOf(role);
                return years ? t('links.role_years', { role: label, years: t(years[0], years[1]) }) : label;
              })
              .join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
