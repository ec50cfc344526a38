import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { CopyButton } from '@/components/forms/CopyButton';
import { TextField } from '@/components/forms/Field';
import { localToRfc3339, numberOrNull, textOrNull, useDateTime, useStaffRights, useUrlFilters } from '@/features/admin/shared';
import { useCursorPages } from '@/lib/paging';
import { adminApi, adminKeys, adminQueries } from '@/features/admin/api';

type ApiKeyInfo = components['schemas']['ApiKeyInfo'];
type ApiKeyInput = components['schemas']['ApiKeyInput'];
type IssuedApiKey = components['schemas']['IssuedApiKey'];

/** The scopes the API grants; `read` (public data at the key's own rate limit) is the only one. */
const SCOPES = ['read'] as const;

/** `/admin/api-keys`: issue a key (shown once), list the keys with their use, revoke one, see usage (admin). */
export function ApiKeysPage() {
  const { t } = useTranslation('admin');
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  return (
    <>
      <PageTitle>{t('keys.title')}</PageTitle>
      <p>{t('keys.intro')}</p>
      {issued ? <IssuedKey issued={issued} onDone={() => setIssued(null)} /> : <IssueKeyForm onIssued={setIssued} />}
      <KeyList />
    </>
  );
}

function IssueKeyForm({ onIssued }: { onIssued(issued: IssuedApiKey): void }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', owner: '', rate_limit_per_minute: '', expires_at: '' });
  const set = (field: keyof typeof values, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const issue = useMutation({
    mutationFn: (body: ApiKeyInput) => adminApi.issueApiKey(body),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys() });
      onIssued(answer);
      issue.reset();
    },
  });
  return (
    <section aria-labelledby="issue-key">
      <h2 id="issue-key">{t('keys.issue')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          issue.mutate({
            name: values.name.trim(),
            owner: values.owner.trim(),
            rate_limit_per_minute: numberOrNull(values.rate_limit_per_minute),
            expires_at: textOrNull(localToRfc3339(values.expires_at)),
            scopes: [...SCOPES],
          });
        }}
      >
        <ProblemAlert error={issue.error} />
        <div className="form-grid">
          <TextField
            label={t('keys.fields.name')}
            name="name"
            required
            hint={t('keys.hints.name')}
            problem={issue.error}
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
          />
          <TextField
            label={t('keys.fields.owner')}
            name="owner"
            required
            hint={t('keys.hints.owner')}
            problem={issue.error}
            value={values.owner}
            onChange={(e) => set('owner', e.target.value)}
          />
          <TextField
            label={t('keys.fields.rate_limit_per_minute')}
            name="rate_limit_per_minute"
            type="number"
            min="1"
            max="100000"
            step="1"
            hint={t('keys.hints.rate_limit_per_minute')}
            problem={issue.error}
            value={values.rate_limit_per_minute}
            onChange={(e) => set('rate_limit_per_minute', e.target.value)}
          />
          <TextField
            label={t('keys.fields.expires_at')}
            name="expires_at"
            type="datetime-local"
            hint={t('keys.hints.expires_at')}
            problem={issue.error}
            value={values.expires_at}
            onChange={(e) => set('expires_at', e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('keys.fields.scopes')}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" checked disabled />
              {t(`keys.scope.${scope}`)}
            </label>
          ))}
          <p className="muted">{t('keys.hints.scopes')}</p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={issue.isPending}>
            {issue.isPending ? t('saving') : t('keys.issue_button')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The new key, shown this once with a copy button; "Done" forgets it for good. */
function IssuedKey({ issued, onDone }: { issued: IssuedApiKey; onDone(): void }) {
  const { t } = useTranslation('admin');
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <section className="alert alert-warning issued-key" aria-labelledby="issued-key" tabIndex={-1} ref={box}>
      <h2 id="issued-key">{t('keys.issued_title', { name: issued.api_key.name })}</h2>
      <p className="alert-title" role="alert">
        {t('keys.issued_warning')}
      </p>
      <p>
        <label>
          {t('keys.the_key')}
          <input className="key-value" readOnly value={issued.key} onFocus={(e) => e.currentTarget.select()} />
        </label>
      </p>
      <div className="actions">
        <CopyButton text={issued.key} label={t('keys.copy')} />
        <button type="button" className="primary" onClick={onDone}>
          {t('keys.stored')}
        </button>
      </div>
      <p className="muted">{t('keys.issued_usage')}</p>
    </section>
  );
}

function keyState(key: ApiKeyInfo): 'revoked' | 'expired' | 'live' {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && new Date(key.expires_at).getTime() <= Date.now()) return 'expired';
  return 'live';
}

function KeyList() {
  const { t } = useTranslation('admin');
  const dateTime = useDateTime();
  const { admin } = useStaffRights();
  const queryClient = useQueryClient();
  const filters = useUrlFilters();
  const revoked = filters.get('revoked') === 'true';
  const pages = useCursorPages(String(revoked));
  const [revokedName, setRevokedName] = useState<string | null>(null);
  const query = useQuery(adminQueries.apiKeyList({ revoked: revoked || undefined, limit: 50, cursor: pages.cursor }));
  const revoke = useMutation({
    mutationFn: (key: ApiKeyInfo) => adminApi.revokeApiKey(key.id),
    onSuccess: (_, key) => {
      setRevokedName(key.name);
      void queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys() });
    },
  });
  return (
    <section aria-labelledby="key-list">
      <h2 id="key-list">{t('keys.list')}</h2>
      <div className="filters">
        <label className="checkbox">
          <input type="checkbox" checked={revoked} onChange={(e) => filters.set({ revoked: e.target.checked ? 'true' : '' })} />
          {t('keys.include_revoked')}
        </label>
      </div>
      <p role="status" className={revokedName ? 'alert alert-ok' : 'visually-hidden'}>
        {revokedName ? t('keys.revoked_done', { name: revokedName }) : ''}
      </p>
      <ProblemAlert error={revoke.error} />
      <DataState query={query}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>{t('keys.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('keys.list')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('keys.fields.name')}</th>
                      <th scope="col">{t('keys.fields.owner')}</th>
                      <th scope="col">{t('keys.col.prefix')}</th>
                      <th scope="col">{t('keys.col.state')}</th>
                      <th scope="col">{t('keys.col.last_used')}</th>
                      <th scope="col">{t('keys.fields.expires_at')}</th>
                      <th scope="col" className="num">
                        {t('keys.col.limit')}
                      </th>
                      <th scope="col">{t('keys.col.created')}</th>
                      <th scope="col">{t('actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((key) => {
                      const state = keyState(key);
                      return (
                        <tr key={key.id}>
                          <th scope="row">{key.name}</th>
                          <td>{key.owner}</td>
                          <td>
                            <code>{`lck_${key.prefix}_…`}</code>
                          </td>
                          <td>{state === 'revoked' ? t('keys.state.revoked', { at: dateTime(key.revoked_at) }) : t(`keys.state.${state}`)}</td>
                          <td>{key.last_used_at ? dateTime(key.last_used_at) : t('keys.never_used')}</td>
                          <td>{key.expires_at ? dateTime(key.expires_at) : t('keys.no_expiry')}</td>
                          <td className="num">{key.rate_limit_per_minute ?? t('keys.default_limit')}</td>
                          <td>
                            {dateTime(key.created_at)}
                            <br />
                            <span className="muted">
                              {admin ? (
                                <Link to={`/admin/users/${key.created_by}`}>{t('keys.created_by', { id: key.created_by })}</Link>
                              ) : (
                                t('keys.created_by', { id: key.created_by })
                              )}
                            </span>
                          </td>
                          <td>
                            <div className="actions">
                              {admin && (
                                <Link
                                  to={`/admin/api-keys/${key.id}/usage`}
                                  aria-label={t('keys.usage_named', { name: key.name })}
                                >
                                  {t('keys.usage')}
                                </Link>
                              )}
                              {state !== 'revoked' && (
                                <ConfirmAction
                                  label={t('keys.revoke')}
                                  question={t('keys.revoke_question', { name: key.name, owner: key.owner })}
                                  confirmLabel={t('keys.revoke_confirm')}
                                  onConfirm={() => revoke.mutateAsync(key).then(() => undefined, () => undefined)}
                                />
                              )}
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <Pager
              shown={page.items.length}
              total={page.total}
              hasPrevious={pages.hasPrevious}
              hasNext={!!page.next_cursor}
              onPrevious={pages.previous}
              onNext={() => page.next_cursor && pages.next(page.next_cursor)}
            />
          </>
        )}
      </DataState>
    </section>
  );
}
