'use client';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type ChangeEvent } from 'react';
import { isLocale, LOCALES, type Locale } from '@/lib/locales';
import { useTRPC } from '@/lib/trpc/react';

const AUTOMATIC = 'auto';

/** The user's language (Automatic / English / Español), applied by re-rendering the page on the server. */
export function LanguageSelect({ preference }: { preference: Locale | null }) {
  const t = useTranslations('account.language');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState<string>(preference ?? AUTOMATIC);
  const save = useMutation(trpc.account.setLocale.mutationOptions({ onSuccess: () => router.refresh() }));

  function change(event: ChangeEvent<HTMLSelectElement>) {
    const next = event.currentTarget.value;
    setValue(next);
    save.mutate({ locale: isLocale(next) ? next : null });
  }

  return (
    <section className="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('heading')}</h2>
      <div className="field">
        <label htmlFor="account-language">{t('label')}</label>
        <select id="account-language" value={value} onChange={change} disabled={save.isPending}>
          <option value={AUTOMATIC}>{t('automatic')}</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {tc(`languages.${locale}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">{t('hint')}</p>
      {save.isPending ? <p role="status">{t('saving')}</p> : null}
      {save.isSuccess ? <p role="status">{t('saved')}</p> : null}
      {save.isError ? (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      ) : null}
    </section>
  );
}
