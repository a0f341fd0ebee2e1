'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormFooter } from '@/components/dispute-case/form-footer';
import { MutationError } from '@/components/ui/mutation-error';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import type { EditableSettingKey } from '@/lib/schemas/settings';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import { settingText } from './display';
import { MILESTONE_TARGETS, SECTIONS, type ScalarField } from './fields';
import { formToPatch, toFormState, type FieldErrors, type FormState } from './form-values';
import { OverridesEditor } from './overrides-editor';
import { PoliciesEditor } from './policies-editor';
import { ResetControl } from './reset-control';
import { SettingRow } from './setting-row';
import styles from './admin-settings.module.css';

type SettingsView = RouterOutputs['adminSettings']['get'];

const INPUT_MODES = { int: 'numeric', bytes: 'numeric', money: 'decimal', decimal: 'decimal' } as const;

/** The admin settings screen; after a save or a reset the form starts again from what the server holds. */
export function SettingsEditor() {
  const trpc = useTRPC();
  const { data, dataUpdatedAt } = useSuspenseQuery(trpc.adminSettings.get.queryOptions());
  const [saved, setSaved] = useState<string | null>(null);
  return <SettingsForm key={dataUpdatedAt} view={data} saved={saved} onSaved={setSaved} />;
}

function SettingsForm({
  view,
  saved,
  onSaved,
}: {
  view: SettingsView;
  saved: string | null;
  onSaved: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations('adminSettings');
  const f = useFormat();
  const words = useWords();
  const label = (key: EditableSettingKey) => t(`fields.${key}`);
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => toFormState(view.values));
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.adminSettings.get.queryKey() });
  const update = useMutation(
    trpc.adminSettings.update.mutationOptions({
      onSuccess: async ({ changed }) => {
        onSaved(changed.length === 0 ? t('nothingToSave') : t('saved', { list: changed.map(label).join(', ') }));
        await refresh();
      },
    }),
  );
  const reset = useMutation(
    trpc.adminSettings.reset.mutationOptions({
      onSuccess: async (result, { key }) => {
        onSaved(result.changed ? t('backToDefault', { label: label(key) }) : null);
        await refresh();
      },
    }),
  );
  const serverErrors: Partial<Record<string, string[]>> = update.error?.data?.zodError?.fieldErrors ?? {};
  // The form's own problems are message keys; the shared schema's arrive as words.
  const problem = (text: string | undefined) =>
    text !== undefined && t.has(text as Parameters<typeof t>[0]) ? t(text as Parameters<typeof t>[0]) : text;
  const errorFor = (id: string, key: EditableSettingKey) => problem(errors[id] ?? serverErrors[key]?.[0]);
  const currency = view.values.currency;
  const changedOf = (key: EditableSettingKey) => view.changed.find((c) => c.key === key);
  const resetControl = (key: EditableSettingKey) => (
    <ResetControl
      changed={changedOf(key)}
      timezone={view.values.reportTz}
      label={label(key)}
      busy={reset.isPending || update.isPending}
      onReset={() => {
        onSaved(null);
        reset.mutate({ key });
      }}
    />
  );
  const hintOf = (key: EditableSettingKey) => {
    const hint = `hints.${key}` as Parameters<typeof t>[0];
    return t.has(hint) ? t(hint) : undefined;
  };
  const scalarRow = (field: ScalarField) => (
    <SettingRow
      key={field.key}
      id={field.key}
      label={label(field.key)}
      hint={hintOf(field.key)}
      unit={field.kind === 'money' ? currency : field.unit ? t(`units.${field.unit}`) : undefined}
      value={form.scalars[field.key]}
      onChange={(value) => setForm({ ...form, scalars: { ...form.scalars, [field.key]: value } })}
      inputMode={field.kind in INPUT_MODES ? INPUT_MODES[field.kind as keyof typeof INPUT_MODES] : 'text'}
      list={field.kind === 'timezone' ? 'time-zones' : field.kind === 'currency' ? 'currencies' : undefined}
      defaultText={settingText(field.kind, view.defaults[field.key], currency, { t, f }, field.unit)}
      meta={resetControl(field.key)}
      error={errorFor(field.key, field.key)}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSaved(null);
        const result = formToPatch(form, view.values);
        if (!result.ok) return setErrors(result.errors);
        setErrors({});
        update.mutate(result.patch);
      }}
    >
      <datalist id="time-zones">
        {view.timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <datalist id="currencies">
        {view.currencies.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <div className={styles.sections}>
        {SECTIONS.map((section) => (
          <section key={section.id} className={`card ${styles.section}`} aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{t(`sections.${section.id}`)}</h2>
            <div className={styles.rows}>
              {section.fields.map(scalarRow)}
              {section.id === 'outages'
                ? MILESTONE_TARGETS.map((m) => (
                    <SettingRow
                      key={m}
                      id={`milestoneTargetMinutes.${m}`}
                      label={words('milestone', m)}
                      hint={m === 'detect' ? t('hints.milestones') : undefined}
                      unit={t('units.minutes')}
                      inputMode="numeric"
                      value={form.milestones[m]}
                      onChange={(value) => setForm({ ...form, milestones: { ...form.milestones, [m]: value } })}
                      defaultText={settingText(
                        'int',
                        view.defaults.milestoneTargetMinutes[m],
                        currency,
                        { t, f },
                        'minutes',
                      )}
                      meta={m === 'resolve' ? resetControl('milestoneTargetMinutes') : undefined}
                      error={problem(
                        errors[`milestoneTargetMinutes.${m}`] ??
                          (m === 'detect' ? serverErrors.milestoneTargetMinutes?.[0] : undefined),
                      )}
                    />
                  ))
                : null}
            </div>
            {section.id === 'credit-limits' ? (
              <OverridesEditor
                rows={form.overrides}
                onChange={(overrides) => setForm({ ...form, overrides })}
                reps={view.reps}
                currency={currency}
                errors={errors}
                problem={problem}
                serverError={serverErrors.creditLimitOverrides?.[0]}
                meta={resetControl('creditLimitOverrides')}
              />
            ) : null}
            {section.id === 'compensation' ? (
              <PoliciesEditor
                rows={form.policies}
                onChange={(policies) => setForm({ ...form, policies })}
                regions={view.regions}
                errors={errors}
                problem={problem}
                serverError={serverErrors.legalCompensationPolicies?.[0]}
                meta={resetControl('legalCompensationPolicies')}
              />
            ) : null}
          </section>
        ))}
      </div>
      <div className={styles.footer}>
        {saved ? (
          <p className={styles.saved} role="status" data-testid="settings-saved">
            {saved}
          </p>
        ) : null}
        <MutationError error={reset.error} />
        <FormFooter
          problem={Object.keys(errors).length > 0 ? t('needsLook') : null}
          mutation={update}
          refresh={refresh}
          label={t('save')}
        />
      </div>
    </form>
  );
}
