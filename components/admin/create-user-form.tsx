'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useMutationErrorMessage } from '@/components/ui/mutation-error';
import { useTRPC } from '@/lib/trpc/react';
import styles from './admin-users.module.css';
import type { ShownLink } from './one-time-link';
import { UserFields, type RegionOption, type UserFieldValues } from './user-fields';

const EMPTY: UserFieldValues = { role: 'rep', regionCode: null, team: null };

/** A new account has no password: the answer carries its invite link, which the page shows once. */
export function CreateUserForm({ regions, onLink }: { regions: readonly RegionOption[]; onLink: (link: ShownLink) => void }) {
  const trpc = useTRPC();
  const t = useTranslations('adminUsers.create');
  const errorMessage = useMutationErrorMessage();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [fields, setFields] = useState<UserFieldValues>(EMPTY);
  const create = useMutation(
    trpc.admin.createUser.mutationOptions({
      onSuccess: async (created) => {
        onLink({ email: created.user.email, purpose: created.purpose, link: created.link, expiresAt: created.expiresAt });
        setEmail('');
        setName('');
        setFields(EMPTY);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ email, name, ...fields });
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('title')}</h2>
      <form className={styles.create} onSubmit={submit} aria-label={t('title')}>
        <div className="field">
          <label htmlFor="new-user-email">{t('email')}</label>
          <input id="new-user-email" type="email" required maxLength={320} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-user-name">{t('name')}</label>
          <input id="new-user-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <UserFields idPrefix="new-user" values={fields} regions={regions} onChange={setFields} />
        <button type="submit" className="btn" disabled={create.isPending}>
          {create.isPending ? t('pending') : t('submit')}
        </button>
      </form>
      {create.isError ? (
        <p role="alert" className="error">
          {errorMessage(create.error)}
        </p>
      ) : null}
      <p className="muted">
        {t('note')}
      </p>
    </section>
  );
}
