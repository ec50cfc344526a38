import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useLocalized } from '@/i18n/localized';
import { hostOf, webUrl } from '@/lib/urls';
import './sources.css';

type Source = components['schemas']['Source'];

/**
 * The provenance of a public record as the API answers it (`sources`, `verified`,
 * `unverified_reason`). Loose, so that an older answer without the fields still renders.
 */
export interface SourcedRecord {
  sources?: Source[] | null;
  verified?: boolean | null;
  unverified_reason?: string | null;
}

export interface SourcesProps {
  record: SourcedRecord;
  /**
   * The record's older single `source_url`, shown as its source where the record lists no
   * `sources` (the API fills it with the first of them, so it adds nothing otherwise).
   */
  fallbackUrl?: string | null;
  /** What the sources are of, as the list's accessible name (default: "Sources"). */
  label?: string;
  /** One short "Source" link per source, for a table row; otherwise the full list. */
  compact?: boolean;
}

/** The record's sources, with the older `source_url` standing in where there are none. */
function sourcesOf(record: SourcedRecord, fallbackUrl: string | null | undefined): Source[] {
  const sources = record.sources ?? [];
  if (sources.length > 0) return sources;
  return webUrl(fallbackUrl) ? [{ url: fallbackUrl }] : [];
}

/**
 * Where a record's facts come from: a small "Sources" list, each source a link (its title, else
 * its host) with the publisher and date in muted text, or where a document has no public address
 * its title with the quoted excerpt; and, for a record marked as not verified, a visible notice
 * with the reason. `compact` gives one "Source" link per source, for table rows.
 */
export function Sources({ record, fallbackUrl, label, compact = false }: SourcesProps) {
  const { t } = useTranslation('provenance');
  const id = useId();
  const sources = sourcesOf(record, fallbackUrl);
  const unverified = record.verified === false;
  const reason = record.unverified_reason?.trim();
  const notice = reason ? t('unverified_reason', { reason }) : t('unverified');

  if (compact) {
    return (
      <span className="sources-compact">
        {sources.length === 0 ? (
          <span className="muted">{t('none_short')}</span>
        ) : (
          <ul className="sources-inline" aria-label={label ?? t('sources')}>
            {sources.map((source, i) => (
              <li key={i}>
                <CompactSource source={source} n={sources.length > 1 ? i + 1 : null} />
              </li>
            ))}
          </ul>
        )}
        {unverified && <span className="unverified-notice">{notice}</span>}
      </span>
    );
  }

  return (
    <div className="sources">
      {unverified && (
        <p className="unverified-notice" role="note">
          {notice}
        </p>
      )}
      {sources.length === 0 ? (
        <p className="muted sources-none">{t('none')}</p>
      ) : (
        <>
          <p className="sources-label" id={id}>
            {t('sources')}
          </p>
          <ul className="sources-list" aria-label={label} aria-labelledby={label ? undefined : id}>
            {sources.map((source, i) => (
              <li key={i}>
                <FullSource source={source} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Publisher, and the date published (else the date read), in muted text. */
function Meta({ source }: { source: Source }) {
  const { t } = useTranslation('provenance');
  const { date } = useLocalized();
  const parts = [
    source.publisher?.trim(),
    source.published_on
      ? t('published_on', { date: date(source.published_on) })
      : source.accessed_on
        ? t('accessed_on', { date: date(source.accessed_on) })
        : undefined,
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return null;
  return <span className="muted source-meta"> · {parts.join(' · ')}</span>;
}

function FullSource({ source }: { source: Source }) {
  const { t } = useTranslation('provenance');
  const url = webUrl(source.url);
  const title = source.title?.trim();
  const excerpt = source.excerpt?.trim();
  if (url) {
    return (
      <>
        <a href={url} rel="noopener noreferrer">
          {title || hostOf(url)}
        </a>
        <Meta source={source} />
      </>
    );
  }
  return (
    <>
      {title ? <cite className="source-title">{title}</cite> : <span>{t('untitled')}</span>}
      <Meta source={source} />
      {excerpt && <blockquote className="source-excerpt">{excerpt}</blockquote>}
    </>
  );
}

function CompactSource({ source, n }: { source: Source; n: number | null }) {
  const { t } = useTranslation('provenance');
  const url = webUrl(source.url);
  const text = n == null ? t('source') : t('source_n', { n });
  const title = source.title?.trim();
  const excerpt = source.excerpt?.trim();
  if (url) {
    return (
      <a href={url} rel="noopener noreferrer" title={title || hostOf(url)}>
        {text}
      </a>
    );
  }
  return (
    <span className="source-offline">
      {text}: {title ? <cite>{title}</cite> : t('untitled')}
      {excerpt && (
        <>
          {' '}
          <q className="source-excerpt-inline">{excerpt}</q>
        </>
      )}
    </span>
  );
}
