'use client';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { StoredImportReport } from '@/lib/schemas/admin-imports';
import { importEntitySchema, type ImportEntity } from '@/lib/schemas/import';
import { useTRPC } from '@/lib/trpc/react';
import styles from './admin-imports.module.css';
import { estimateRows } from './estimate-rows';
import { ImportProgress, type Progress } from './import-progress';
import { ImportReportView } from './import-report-view';
import { uploadCsv } from './upload-csv';

type Upload =
  | { phase: 'idle' }
  | { phase: 'running'; progress: Progress }
  | { phase: 'done'; runId: number; report: StoredImportReport; hasRejects: boolean }
  | { phase: 'failed'; message: string };

/** Choose an entity, a CSV and a mode; upload with progress bars; then the report. */
export function ImportUploader() {
  const trpc = useTRPC();
  const t = useTranslations('adminImports');
  const queryClient = useQueryClient();
  const { data: hints } = useSuspenseQuery(trpc.imports.entities.queryOptions());
  const [entity, setEntity] = useState<ImportEntity>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [upload, setUpload] = useState<Upload>({ phase: 'idle' });
  const hint = hints.find((h) => h.entity === entity);
  const running = upload.phase === 'running';

  const update = (change: Partial<Progress>) =>
    setUpload((u) => (u.phase === 'running' ? { ...u, progress: { ...u.progress, ...change } } : u));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setUpload({ phase: 'failed', message: t('uploader.chooseFile') });
    setUpload({
      phase: 'running',
      progress: { bytesSent: 0, bytes: file.size, rowsRead: 0, rowsEstimate: null, runId: null },
    });
    void estimateRows(file).then(
      (rowsEstimate) => update({ rowsEstimate }),
      () => undefined,
    );
    try {
      const done = await uploadCsv({
        file,
        entity,
        skipInvalid,
        texts: {
          connectionLost: t('uploader.connectionLost'),
          cancelled: t('uploader.cancelled'),
          unreadable: t('uploader.unreadable'),
          stopped: t('uploader.stopped'),
          refused: (status) => t('uploader.refused', { status }),
        },
        onUpload: (bytesSent, bytes) => update({ bytesSent, bytes }),
        onEvent: (event) => {
          if (event.type === 'started') update({ runId: event.runId });
          if (event.type === 'progress') update({ rowsRead: event.rowsRead });
        },
      });
      setUpload({ phase: 'done', runId: done.runId, report: done.report, hasRejects: done.hasRejects });
    } catch (error) {
      setUpload({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    void queryClient.invalidateQueries({ queryKey: trpc.imports.runs.queryKey() });
  };

  return (
    <div className="card">
      <form onSubmit={(e) => void submit(e)} aria-label={t('uploader.label')}>
        <div className={styles.form}>
          <div className="field">
            <label htmlFor="import-entity">{t('uploader.data')}</label>
            <select
              id="import-entity"
              value={entity}
              disabled={running}
              onChange={(e) => {
                const chosen = importEntitySchema.safeParse(e.target.value);
                if (chosen.success) setEntity(chosen.data);
              }}
            >
              {hints.map((h, i) => (
                <option key={h.entity} value={h.entity}>
                  {i + 1}. {t(`entities.${h.entity}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-file">{t('uploader.file')}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              disabled={running}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <fieldset className={styles.modes} disabled={running}>
            <legend>{t('uploader.ifInvalid')}</legend>
            <label>
              <input type="radio" name="mode" checked={!skipInvalid} onChange={() => setSkipInvalid(false)} />{' '}
              {t('uploader.allOrNothing')}
            </label>
            <label>
              <input type="radio" name="mode" checked={skipInvalid} onChange={() => setSkipInvalid(true)} />{' '}
              {t('uploader.validRows')}
            </label>
          </fieldset>
        </div>
        {hint ? (
          <p className={`muted ${styles.hint}`} data-testid="column-hint">
            {t.rich('uploader.columns', {
              required: hint.required.join(', '),
              optional: hint.optional.length > 0 ? `, ${hint.optional.join(', ')}` : '',
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
        ) : null}
        <button type="submit" className="btn" disabled={running}>
          {running ? t('uploader.pending') : t('uploader.submit')}
        </button>
      </form>
      {upload.phase === 'running' ? <ImportProgress progress={upload.progress} /> : null}
      {upload.phase === 'failed' ? (
        <p role="alert" className="error">
          {upload.message}
        </p>
      ) : null}
      {upload.phase === 'done' ? (
        <ImportReportView
          report={upload.report}
          rejectsHref={upload.hasRejects ? `/api/v1/admin/imports/${upload.runId}/rejects` : null}
        />
      ) : null}
    </div>
  );
}
