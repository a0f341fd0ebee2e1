'use client';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { SERVICE_KINDS, type ServiceKind } from '@/lib/billing';
import { useWords } from '@/components/ui/vocab';
import { createOutageInput, parsePostcodes } from '@/lib/schemas/outage-response';
import { useTRPC } from '@/lib/trpc/react';
import { OUTAGE_SEVERITIES, type OutageSeverity } from '@/lib/vocabularies';
import { MutationError } from '@/components/ui/mutation-error';
import styles from './outage-response.module.css';

/** Declare an outage: what, how bad, since when, where; then its page records the response. */
export function NewOutageForm() {
  const trpc = useTRPC();
  const t = useTranslations('outageResponse.form');
  const words = useWords();
  const router = useRouter();
  const { data: options } = useSuspenseQuery(trpc.outageResponse.formOptions.queryOptions());
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<OutageSeverity>('major');
  const [startedAt, setStartedAt] = useState('');
  const [regions, setRegions] = useState<string[]>(options.lockedRegion ? [options.lockedRegion] : []);
  const [postcodes, setPostcodes] = useState('');
  const [services, setServices] = useState<ServiceKind[]>([]);
  const [forceMajeure, setForceMajeure] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(
    trpc.outageResponse.create.mutationOptions({
      onSuccess: ({ ref }) => router.push(`/outages/${encodeURIComponent(ref)}`),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      title,
      severity,
      startedAt: startedAt || undefined,
      regions,
      postcodes: parsePostcodes(postcodes),
      services,
      forceMajeure,
    };
    const checked = createOutageInput.safeParse(input);
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? t('checkForm'));
      return;
    }
    setProblem(null);
    create.mutate(input);
  }

  const toggle = (code: string) =>
    setRegions((current) => (current.includes(code) ? current.filter((c) => c !== code) : [...current, code]));

  return (
    <form className={`card ${styles.form}`} onSubmit={submit} aria-label={t('label')} noValidate>
      <div className="field">
        <label htmlFor="outage-title">{t('title')}</label>
        <input
          id="outage-title"
          value={title}
          maxLength={200}
          placeholder={t('titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="outage-severity">{t('severity')}</label>
          <select id="outage-severity" value={severity} onChange={(e) => setSeverity(e.target.value as OutageSeverity)}>
            {OUTAGE_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {words('severity', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outage-start">{t('startedAt', { timezone: options.timezone })}</label>
          <input
            id="outage-start"
            type="datetime-local"
            value={startedAt}
            onChange={(e) => setStartedAt(e.target.value)}
            aria-describedby="outage-start-hint"
          />
          <span id="outage-start-hint" className={styles.hint}>
            {t('startedHint')}
          </span>
        </div>
      </div>
      <fieldset className={styles.regions}>
        <legend>{t('regions')}</legend>
        {options.regions.map((r) => (
          <label key={r.code} className={styles.check}>
            <input
              type="checkbox"
              checked={regions.includes(r.code)}
              disabled={options.lockedRegion !== null}
              onChange={() => toggle(r.code)}
            />
            {r.name} ({r.code})
          </label>
        ))}
        {options.lockedRegion ? (
          <p className={styles.hint}>{t('lockedRegion', { region: options.lockedRegion })}</p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="outage-postcodes">{t('postcodes')}</label>
        <textarea
          id="outage-postcodes"
          rows={3}
          value={postcodes}
          placeholder={t('postcodesPlaceholder')}
          onChange={(e) => setPostcodes(e.target.value)}
          aria-describedby="outage-postcodes-hint"
        />
        <span id="outage-postcodes-hint" className={styles.hint}>
          {t('postcodesHint')}
        </span>
      </div>
      <fieldset className={styles.regions}>
        <legend>{t('services')}</legend>
        {SERVICE_KINDS.map((kind) => (
          <label key={kind} className={styles.check}>
            <input
              type="checkbox"
              checked={services.includes(kind)}
              onChange={() =>
                setServices((current) =>
                  current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind],
                )
              }
            />
            {words('service', kind)}
          </label>
        ))}
        <p className={styles.hint}>{t('servicesHint')}</p>
        <label className={styles.check}>
          <input type="checkbox" checked={forceMajeure} onChange={(e) => setForceMajeure(e.target.checked)} />
          {t('forceMajeure')}
        </label>
      </fieldset>
      {problem ? (
        <p role="alert" className={styles.alert}>
          {problem}
        </p>
      ) : null}
      <MutationError error={create.error} />
      <div className={styles.actions}>
        <button type="submit" className="btn" disabled={create.isPending || create.isSuccess}>
          {create.isPending ? t('pending') : t('submit')}
        </button>
      </div>
    </form>
  );
}
