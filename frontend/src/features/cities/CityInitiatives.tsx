import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { Sources } from '@/components/Sources';
import { useLocalized } from '@/i18n/localized';
import { citiesQueries } from './api';
import { shownIn } from './language';

type Initiative = components['schemas']['Initiative'];

/**
 * The initiatives (programmes such as EEF's "National Platform Learning City") the city takes part
 * in, with its role, the note on its part, the description and the sources. Nothing is shown while
 * loading, on an error, or when the city takes part in none.
 */
export function CityInitiatives({ slug }: { slug: string }) {
  const { t } = useTranslation('cities');
  const headingId = useId();
  const initiatives = useQuery(citiesQueries.initiatives(slug));
  const items = initiatives.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="city-initiatives" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('initiatives.heading')}</h2>
      <p className="muted">{t('initiatives.intro')}</p>
      <ul className="plain-list initiative-list" aria-label={t('initiatives.list')}>
        {items.map((initiative) => (
          <InitiativeItem key={initiative.id} initiative={initiative} slug={slug} />
        ))}
      </ul>
    </section>
  );
}

function InitiativeItem({ initiative, slug }: { initiative: Initiative; slug: string }) {
  const { t } = useTranslation('cities');
  const { text, language } = useLocalized();
  const name = text(initiative.name);
  const lead = text(initiative.lead);
  const description = text(initiative.description);
  const part = initiative.cities.find((c) => c.city === slug);
  const note = part?.note?.trim();
  const role = part
    ? t(`initiatives.roles.${part.role}`, { defaultValue: part.role.replaceAll('_', ' ') })
    : undefined;
  return (
    <li className="initiative">
      <h3 lang={shownIn(initiative.name, language)}>{name}</h3>
      {lead && (
        <p className="membership-meta">
          {t('initiatives.lead', { lead })}
        </p>
      )}
      {role && (
        <p className="membership-meta">
          <strong>{t('initiatives.role', { role })}</strong>
          {note && <> · {note}</>}
        </p>
      )}
      {description && <p lang={shownIn(initiative.description, language)}>{description}</p>}
      <Sources record={initiative} label={t('initiatives.sources', { initiative: name })} />
    </li>
  );
}
