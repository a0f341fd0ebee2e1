import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { Delta } from '@/lib/kpi-cards';

/** A delta as "+1.0 pts vs previous period" in the active language. */
export function useDeltaText(): (delta: Delta) => string {
  const t = useTranslations('dashboard.delta');
  return useCallback((delta: Delta) => t('vsPrevious', { delta: t(delta.key, { amount: delta.amount }) }), [t]);
}
