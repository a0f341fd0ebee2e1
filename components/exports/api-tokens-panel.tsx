'use client';
import { useFormat } from '@/components/i18n/use-format';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useMutationErrorMessage } from '@/components/ui/mutation-error';
import { useTRPC } from '@/lib/trpc/react';
import styles from './exports.module.css';

/** Personal API tokens: create one (shown once), see when each was last used, revoke. */
export function ApiTokensPanel({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const t = useTranslations('exports.tokens');
  const f = useFormat();
  const errorMessage = useMutationErrorMessage();
  const queryClient = useQueryClient();
  const listOptions = trpc.apiTokens.list.queryOptions();
  const { data: tokens } = useSuspenseQuery(listOptions);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listOptions.queryKey });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: async (token) => {
        setName('');
        setCopied(false);
        setMessage(null);
        setCreated({ name: token.name, token: token.token });
        await refresh();
      },
      onError: (error) => setMessage({ error: true, text: errorMessage(error) }),
    }),
  );
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: async () => {
        setConfirming(null);
        setMessage({ error: false, text: t('revoked') });
        await refresh();
      },
      onError: (error) => setMessage({ error: true, text: errorMessage(error) }),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim() });
  }

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setMessage({ error: true, text: t('copyFailed') });
    }
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('title')}</h2>
      <p className="muted">
        {t.rich('intro', { header: 'Authorization: Bearer <token>', code: (chunks) => <code>{chunks}</code> })}
      </p>
      <form className={styles.create} onSubmit={submit}>
        <div className="field">
          <label htmlFor="token-name">{t('name')}</label>
          <input
            id="token-name"
            name="tokenName"
            placeholder={t('namePlaceholder')}
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="btn" disabled={create.isPending || !name.trim()}>
          {t('create')}
        </button>
      </form>

      {created ? (
        <div className={styles.secret} role="alert" aria-label={t('newLabel')}>
          <strong>{t('copyNow', { name: created.name })}</strong> {t('copyWhy')}
          <code data-testid="new-token">{created.token}</code>
          <div className={styles.secretActions}>
            <button type="button" className="btn btn-small" onClick={() => void copy(created.token)}>
              {copied ? t('copied') : t('copy')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setCreated(null)}>
              {t('stored')}
            </button>
          </div>
        </div>
      ) : null}

      {message ? (
        <p role="status" className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      ) : null}

      {tokens.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-label={t('tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colPrefix')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colLastUsed')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">
                  <span className="muted">{t('colAction')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{f.instant(token.createdAt, timezone)}</td>
                  <td>{token.lastUsedAt ? f.instant(token.lastUsedAt, timezone) : t('never')}</td>
                  <td>
                    {token.revokedAt ? t('revokedAt', { at: f.instant(token.revokedAt, timezone) }) : t('active')}
                  </td>
                  <td>
                    {token.revokedAt ? null : confirming === token.id ? (
                      <span className={styles.secretActions}>
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate({ id: token.id })}
                        >
                          {t('revokeNow', { name: token.name })}
                        </button>
                        <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(null)}>
                          {t('keep')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        onClick={() => {
                          setMessage(null);
                          setConfirming(token.id);
                        }}
                      >
                        {t('revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
