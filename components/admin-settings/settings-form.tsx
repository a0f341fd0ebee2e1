'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormFooter } from '@/components/dispute-case/form-footer';
import { MutationError } from '@/components/ui/mutation-error';
import { MILESTONE_LABELS } from '@/lib/outage-targets';
import type { EditableSettingKey } from '@/lib/schemas/settings';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import { settingText } from './display';
import { MILESTONE_TARGETS, SECTIONS, SETTING_LABELS, type ScalarField } from './fields';
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
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => toFormState(view.values));
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.adminSettings.get.queryKey() });
  const update = useMutation(
    trpc.adminSettings.update.mutationOptions({
      onSuccess: async ({ changed }) => {
        onSaved(
          changed.length === 0
            ? 'Nothing to save: every value is as it was.'
            : `Saved: ${changed.map((key) => SETTING_LABELS[key]).join(', ')}.`,
        );
        await refresh();
      },
    }),
  );
  const reset = useMutation(
    trpc.adminSettings.reset.mutationOptions({
      onSuccess: async (result, { key }) => {
        onSaved(result.changed ? `${SETTING_LABELS[key]} is back to its default.` : null);
        await refresh();
      },
    }),
  );
  const serverErrors: Partial<Record<string, string[]>> = update.error?.data?.zodError?.fieldErrors ?? {};
  const errorFor = (id: string, key: EditableSettingKey) => errors[id] ?? serverErrors[key]?.[0];
  const currency = view.values.currency;
  const changedOf = (key: EditableSettingKey) => view.changed.find((c) => c.key === key);
  const resetControl = (key: EditableSettingKey) => (
    <ResetControl
      changed={changedOf(key)}
      timezone={view.values.reportTz}
      label={SETTING_LABELS[key]}
      busy={reset.isPending || update.isPending}
      onReset={() => {
        onSaved(null);
        reset.mutate({ key });
      }}
    />
  );
  const scalarRow = (field: ScalarField) => (
    <SettingRow
      key={field.key}
      id={field.key}
      label={field.label}
      hint={field.hint}
      unit={field.kind === 'money' ? currency : field.unit}
      value={form.scalars[field.key]}
      onChange={(value) => setForm({ ...form, scalars: { ...form.scalars, [field.key]: value } })}
      inputMode={field.kind in INPUT_MODES ? INPUT_MODES[field.kind as keyof typeof INPUT_MODES] : 'text'}
      list={field.kind === 'timezone' ? 'time-zones' : field.kind === 'currency' ? 'currencies' : undefined}
      defaultText={settingText(field.kind, view.defaults[field.key], currency, field.unit)}
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
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            <div className={styles.rows}>
              {section.fields.map(scalarRow)}
              {section.id === 'outages'
                ? MILESTONE_TARGETS.map((m) => (
                    <SettingRow
                      key={m}
                      id={`milestoneTargetMinutes.${m}`}
                      label={MILESTONE_LABELS[m]}
                      hint={m === 'detect' ? 'Milestone targets, from the outage start.' : undefined}
                      unit="minutes"
                      inputMode="numeric"
                      value={form.milestones[m]}
                      onChange={(value) => setForm({ ...form, milestones: { ...form.milestones, [m]: value } })}
                      defaultText={settingText('int', view.defaults.milestoneTargetMinutes[m], currency, 'minutes')}
                      meta={m === 'resolve' ? resetControl('milestoneTargetMinutes') : undefined}
                      error={
                        errors[`milestoneTargetMinutes.${m}`] ??
                        (m === 'detect' ? serverErrors.milestoneTargetMinutes?.[0] : undefined)
                      }
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
          problem={Object.keys(errors).length > 0 ? 'Some values need a look: see the messages beside them.' : null}
          mutation={update}
          refresh={refresh}
          label="Save settings"
        />
      </div>
    </form>
  );
}
