'use client';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { SERVICE_KINDS, SERVICE_LABELS, type ServiceKind } from '@/lib/billing';
import { createOutageInput, parsePostcodes } from '@/lib/schemas/outage-response';
import { useTRPC } from '@/lib/trpc/react';
import { OUTAGE_SEVERITIES, type OutageSeverity } from '@/lib/vocabularies';
import { MutationError } from '@/components/ui/mutation-error';
import styles from './outage-response.module.css';

/** Declare an outage: what, how bad, since when, where; then its page records the response. */
export function NewOutageForm() {
  const trpc = useTRPC();
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
      setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    setProblem(null);
    create.mutate(input);
  }

  const toggle = (code: string) =>
    setRegions((current) => (current.includes(code) ? current.filter((c) => c !== code) : [...current, code]));

  return (
    <form className={`card ${styles.form}`} onSubmit={submit} aria-label="Declare an outage" noValidate>
      <div className="field">
        <label htmlFor="outage-title">Title</label>
        <input
          id="outage-title"
          value={title}
          maxLength={200}
          placeholder="e.g. Fibre cut in Valencia 46004"
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="outage-severity">Severity</label>
          <select id="outage-severity" value={severity} onChange={(e) => setSeverity(e.target.value as OutageSeverity)}>
            {OUTAGE_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outage-start">Started at ({options.timezone})</label>
          <input
            id="outage-start"
            type="datetime-local"
            value={startedAt}
            onChange={(e) => setStartedAt(e.target.value)}
            aria-describedby="outage-start-hint"
          />
          <span id="outage-start-hint" className={styles.hint}>
            Leave empty if it started now.
          </span>
        </div>
      </div>
      <fieldset className={styles.regions}>
        <legend>Affected regions</legend>
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
          <p className={styles.hint}>You manage {options.lockedRegion}: outages you declare affect your region.</p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="outage-postcodes">Postcodes (optional)</label>
        <textarea
          id="outage-postcodes"
          rows={3}
          value={postcodes}
          placeholder="Separated by commas, spaces or new lines"
          onChange={(e) => setPostcodes(e.target.value)}
          aria-describedby="outage-postcodes-hint"
        />
        <span id="outage-postcodes-hint" className={styles.hint}>
          Only customers billed at these postcodes are affected; each must belong to a chosen region. Leave empty when
          the whole of the regions is affected.
        </span>
      </div>
      <fieldset className={styles.regions}>
        <legend>Interrupted services</legend>
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
            {SERVICE_LABELS[kind]}
          </label>
        ))}
        <p className={styles.hint}>None ticked: every service is interrupted. The legal minimum counts only these.</p>
        <label className={styles.check}>
          <input type="checkbox" checked={forceMajeure} onChange={(e) => setForceMajeure(e.target.checked)} />
          Force majeure (e.g. a storm): some laws then owe only the fees prorated
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
          {create.isPending ? 'Declaring…' : 'Declare outage'}
        </button>
      </div>
    </form>
  );
}
