import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { formatsFor, type Formats } from '@/lib/format';

/** Numbers, money, percentages and instants in the active language (client components). */
export function useFormat(): Formats {
  const locale = useLocale();
  return useMemo(() => formatsFor(locale), [locale]);
}
