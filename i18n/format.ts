import 'server-only';
import { getLocale } from 'next-intl/server';
import { formatsFor, type Formats } from '@/lib/format';

/** Numbers, money, percentages and instants in the request's language (server components). */
export async function getFormat(): Promise<Formats> {
  return formatsFor(await getLocale());
}
