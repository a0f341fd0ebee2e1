import { useTranslations } from 'next-intl';
import { useMemo } from 'react';

/** The vocabularies of lib/vocabularies.ts, translated in the `vocab` namespace. */
export type VocabGroup =
  | 'disputeStatus'
  | 'disputeCause'
  | 'severity'
  | 'compensationKind'
  | 'channel'
  | 'importStatus'
  | 'role'
  | 'team'
  | 'churnCategory'
  | 'offerType'
  | 'retentionOutcome'
  | 'milestone'
  | 'legalPolicy'
  | 'service';

export type Words = (group: VocabGroup, value: string | null) => string;

export type VocabTranslator = ReturnType<typeof useTranslations<'vocab'>>;

/**
 * A vocabulary key as words in the translator's language: `unrequested_line` → "unrequested line" /
 * "línea no solicitada". A value the vocabulary does not know (older data) shows as its words.
 * Server code passes `await getTranslations('vocab')`.
 */
export function wordsOf(t: VocabTranslator): Words {
  return (group, value) => {
    if (!value) return t('none');
    const key = `${group}.${value}` as Parameters<VocabTranslator>[0];
    return t.has(key) ? t(key) : value.replaceAll('_', ' ');
  };
}

/** `wordsOf` in the active language (client and server components). */
export function useWords(): Words {
  const t = useTranslations('vocab');
  return useMemo(() => wordsOf(t), [t]);
}

/** "overcharge" → "Overcharge": a vocabulary word at the start of a cell or label. */
export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
