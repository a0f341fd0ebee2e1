'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { useMutationErrorMessage } from '@/components/ui/mutation-error';
import { useTRPC } from '@/lib/trpc/react';
import styles from './queue.module.css';

/** A query string with its parameters in a fixed order, to tell whether a view is the one on screen. */
function canonical(query: string): string {
  const params = new URLSearchParams(query);
  params.sort();
  return params.toString();
}

/** Named filter sets of the queue: the user's own, saved as the URL query and reopened from it. */
export function SavedViews({ currentQuery }: { currentQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('queue.views');
  const errorMessage = useMutationErrorMessage();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const listOptions = trpc.savedViews.list.queryOptions({ page: 'queue' });
  const { data: views } = useSuspenseQuery(listOptions);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listOptions.queryKey });

  const save = useMutation(
    trpc.savedViews.save.mutationOptions({
      onSuccess: async (view) => {
        setName('');
        setMessage({ error: false, text: t('savedDone', { name: view.name }) });
        await refresh();
      },
      onError: (error) => setMessage({ error: true, text: errorMessage(error) }),
    }),
  );
  const remove = useMutation(
    trpc.savedViews.remove.mutationOptions({
      onSuccess: async () => {
        setMessage({ error: false, text: t('removed') });
        await refresh();
      },
      onError: (error) => setMessage({ error: true, text: errorMessage(error) }),
    }),
  );

  const current = views.find((v) => canonical(v.query) === canonical(currentQuery)) ?? null;

  function open(id: string) {
    const view = views.find((v) => String(v.id) === id);
    if (!view) return;
    setMessage(null);
    startTransition(() => router.push(view.query ? `/queue?${view.query}` : '/queue'));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) save.mutate({ page: 'queue', name: name.trim(), query: currentQuery });
  }

  return (
    <div className={styles.views} aria-busy={isPending}>
      <label className={styles.inline}>
        <span className="muted">{t('saved')}</span>
        <select
          name="view"
          value={current ? String(current.id) : ''}
          onChange={(e) => open(e.target.value)}
          disabled={views.length === 0}
        >
          <option value="">{views.length === 0 ? t('noneYet') : current ? '' : t('choose')}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {current ? (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ id: current.id })}
        >
          {t('delete', { name: current.name })}
        </button>
      ) : null}
      <form className={styles.inline} onSubmit={submit}>
        <input
          name="viewName"
          aria-label={t('nameLabel')}
          placeholder={t('namePlaceholder')}
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn btn-small" disabled={save.isPending || !name.trim()}>
          {t('save')}
        </button>
      </form>
      {message ? (
        <span role="status" className={message.error ? 'error' : 'muted'}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
