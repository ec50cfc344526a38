import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '@/api/reference';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Sources } from '@/components/Sources';
import { useLocalized } from '@/i18n/localized';
import { webUrl } from '@/lib/urls';
import { organisationsQueries } from './api';
import {
  TARGETS,
  pickAbbreviation,
  subjectPath,
  yearsOf,
  type Organisation,
  type OrganisationRole,
  type RoleTarget,
} from './model';
import './organisations.css';

/**
 * One organisation (`/organisations/:slug`): its name, abbreviation, kind, country, website and
 * description with the sources of its record, and its roles grouped by what they are held in
 * (networks, award programmes, initiatives, events), each linked to that record's page where the
 * app has one, with its years, note and sources.
 */
export default function OrganisationPage() {
  const { t } = useTranslation('organisations');
  const { text } = useLocalized();
  const { slug = '' } = useParams();
  const countries = useCountryNames();
  const organisation = useQuery(organisationsQueries.detail(slug));
  return (
    <>
      <p>
        <Link to="/organisations">{t('detail.all')}</Link>
      </p>
      <PageTitle>{organisation.data ? text(organisation.data.name) : t('detail.title')}</PageTitle>
      <ProblemAlert error={countries.error} />
      <DataState query={organisation}>
        {(o) => (
          <>
            <Facts organisation={o} countryName={countries.name} />
            {o.description && <p className="organisation-description">{text(o.description)}</p>}
            <Sources record={o} label={t('detail.sources', { name: text(o.name) })} />
            <Roles organisation={o} />
          </>
        )}
      </DataState>
    </>
  );
}

/** The organisation's facts as a definition list; unrecorded ones say so. */
function Facts({ organisation, countryName }: { organisation: Organisation; countryName: (code: string) => string }) {
  const { t } = useTranslation('organisations');
  const { language } = useLocalized();
  const unknown = <span className="muted">{t('facts.not_recorded')}</span>;
  const abbreviation = pickAbbreviation(organisation.abbreviation, language);
  const website = webUrl(organisation.website);
  return (
    <dl className="facts">
      {abbreviation && (
        <>
          <dt>{t('facts.abbreviation')}</dt>
          <dd>{abbreviation}</dd>
        </>
      )}
      <dt>{t('facts.kind')}</dt>
      <dd>{t(`kind.${organisation.kind}`, { defaultValue: organisation.kind })}</dd>
      <dt>{t('facts.country')}</dt>
      <dd>{organisation.country ? countryName(organisation.country) : t('facts.international')}</dd>
      <dt>{t('facts.website')}</dt>
      <dd>{website ? <a href={website}>{website}</a> : unknown}</dd>
    </dl>
  );
}

/** The roles held in one record (one network, one programme, ...), in the order the API gives them. */
interface Subject {
  kind: RoleTarget;
  slug: string;
  name: OrganisationRole['of']['name'];
  roles: OrganisationRole[];
}

/** The roles by what they are held in, each record once with all the roles held in it. */
function bySubject(roles: readonly OrganisationRole[]): Map<RoleTarget, Subject[]> {
  const groups = new Map<RoleTarget, Subject[]>();
  const seen = new Map<string, Subject>();
  for (const role of roles) {
    const key = `${role.of.kind}/${role.of.slug}`;
    let subject = seen.get(key);
    if (!subject) {
      subject = { kind: role.of.kind, slug: role.of.slug, name: role.of.name, roles: [] };
      seen.set(key, subject);
      const group = groups.get(role.of.kind) ?? [];
      group.push(subject);
      groups.set(role.of.kind, group);
    }
    subject.roles.push(role);
  }
  return groups;
}

/** "Roles": one section per kind of record, each record with its roles, years, notes and sources. */
function Roles({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation('organisations');
  const groups = bySubject(organisation.roles);
  // Kinds the API may add later are shown after the known ones, not dropped.
  const kinds = [...TARGETS, ...[...groups.keys()].filter((k) => !(TARGETS as readonly string[]).includes(k))];
  return (
    <section aria-labelledby="organisation-roles">
      <h2 id="organisation-roles">{t('detail.roles_heading')}</h2>
      {organisation.roles.length === 0 ? (
        <p>{t('detail.no_roles')}</p>
      ) : (
        <>
          <p>{t('detail.roles_intro')}</p>
          {kinds.map((kind) => {
            const subjects = groups.get(kind);
            if (!subjects) return null;
            return (
              <section key={kind} aria-labelledby={`organisation-roles-${kind}`}>
                <h3 id={`organisation-roles-${kind}`}>{t(`target.${kind}`, { defaultValue: kind })}</h3>
                <ul className="organisation-roles">
                  {subjects.map((subject) => (
                    <SubjectRoles key={subject.slug} subject={subject} />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

/** One record the organisation has roles in: its name (linked where the app has its page) and each role. */
function SubjectRoles({ subject }: { subject: Subject }) {
  const { t } = useTranslation('organisations');
  const { text } = useLocalized();
  const name = text(subject.name);
  const path = subjectPath(subject.kind, subject.slug);
  return (
    <li>
      <p className="organisation-subject">{path ? <Link to={path}>{name}</Link> : name}</p>
      {subject.roles.map((role) => {
        const label = t(`role.${role.role}`, { defaultValue: role.role });
        const years = yearsOf(role);
        return (
          <div key={role.id} className="organisation-role">
            <p className="organisation-role-line">
              <span className="badge">{label}</span>
              {years && <> {t(years[0], years[1])}</>}
            </p>
            {role.note && <p className="organisation-role-note">{role.note}</p>}
            <Sources record={role} label={t('detail.role_sources', { role: label, subject: name })} />
          </div>
        );
      })}
    </li>
  );
}
