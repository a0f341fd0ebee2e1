'use client';
import { formatZonedInstant } from '@/lib/format';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import styles from './exports.module.css';

/** Personal API tokens: create one (shown once), see when each was last used, revoke. */
export function ApiTokensPanel({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
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
      onError: (error) => setMessage({ error: true, text: error.message }),
    }),
  );
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: async () => {
        setConfirming(null);
        setMessage({ error: false, text: 'Token revoked: it no longer works.' });
        await refresh();
      },
      onError: (error) => setMessage({ error: true, text: error.message }),
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
      setMessage({ error: true, text: 'Could not copy: select the token and copy it by hand.' });
    }
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        A personal token lets a script or a BI tool call <code>/api/v1/kpis</code> and <code>/api/v1/export</code> as
        you, with your role and region: send it as <code>Authorization: Bearer &lt;token&gt;</code>. Revoke a token you
        no longer use.
      </p>
      <form className={styles.create} onSubmit={submit}>
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input
            id="token-name"
            name="tokenName"
            placeholder="e.g. Power BI refresh"
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="btn" disabled={create.isPending || !name.trim()}>
          Create token
        </button>
      </form>

      {created ? (
        <div className={styles.secret} role="alert" aria-label="New API token">
          <strong>Copy the token “{created.name}” now: it is shown only this once.</strong> Holdfast keeps only a hash
          of it, so it cannot show it again; if you lose it, revoke it and create another. Anyone holding it can read
          what you can read.
          <code data-testid="new-token">{created.token}</code>
          <div className={styles.secretActions}>
            <button type="button" className="btn btn-small" onClick={() => void copy(created.token)}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setCreated(null)}>
              I have stored it
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
        <p className="muted">You have no API tokens.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-label="Your API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="muted">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{formatZonedInstant(t.createdAt, timezone)}</td>
                  <td>{t.lastUsedAt ? formatZonedInstant(t.lastUsedAt, timezone) : 'never'}</td>
                  <td>{t.revokedAt ? `revoked ${formatZonedInstant(t.revokedAt, timezone)}` : 'active'}</td>
                  <td>
                    {t.revokedAt ? null : confirming === t.id ? (
                      <span className={styles.secretActions}>
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate({ id: t.id })}
                        >
                          Revoke “{t.name}” now
                        </button>
                        <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        onClick={() => {
                          setMessage(null);
                          setConfirming(t.id);
                        }}
                      >
                        Revoke
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
