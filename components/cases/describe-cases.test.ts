import { createTranslator } from 'next-intl';
import type { inferParserType } from 'nuqs/server';
import { describe, expect, it } from 'vitest';
import type { drilldownParsers } from '@/lib/drilldown';
import { casesRequest } from '@/lib/schemas/cases';
import { wordsOf } from '@/components/ui/vocab';
import { en } from '@/i18n/messages/en';
import { es } from '@/i18n/messages/es';
import { describeCases } from './describe-cases';

const filters = { from: '2024-01-01', to: '2024-03-31', region: 'MAD', rep: null };
const url: inferParserType<typeof drilldownParsers> = {
  preset: 'custom',
  from: '2024-01-01',
  to: '2024-03-31',
  region: 'MAD',
  rep: null,
  basis: null,
  cause: null,
  firstBill: null,
  soldBy: null,
  offerType: null,
  reason: null,
  outcome: null,
  category: null,
  competitor: null,
  kind: null,
  issuer: null,
  age: null,
  sort: null,
  dir: null,
  page: 1,
};

function describeUrl(
  dataset: Parameters<typeof casesRequest>[0],
  narrowing: Partial<typeof url>,
  rep: string | null = null,
  locale: 'en' | 'es' = 'en',
) {
  const messages = locale === 'en' ? en : es;
  const t = createTranslator({ locale, messages, namespace: 'cases' });
  const words = wordsOf(createTranslator({ locale, messages, namespace: 'vocab' }));
  const result = casesRequest(dataset, { ...filters, rep }, { ...url, ...narrowing });
  if (!result.ok) throw new Error(result.error);
  return describeCases(result.request, t, words);
}

describe('describeCases', () => {
  it('names the basis, the period, the narrowing and the scope', () => {
    expect(describeUrl('disputes', { cause: 'overcharge' })).toBe(
      'Disputes opened 2024-01-01 – 2024-03-31 · cause: overcharge · region MAD',
    );
    expect(describeUrl('disputes', { age: '24-72h' })).toBe(
      'Disputes still open at the end of 2024-03-31 · age: 24-72h · region MAD',
    );
    expect(describeUrl('retention-cases', { offerType: 'fee_waiver' }, 'ana@t.test')).toBe(
      'Retention cases closed 2024-01-01 – 2024-03-31 · offer: fee waiver · region MAD · rep ana@t.test',
    );
    expect(describeUrl('churned-customers', { category: 'price' }, 'ana@t.test')).toBe(
      'Customers churned 2024-01-01 – 2024-03-31 · category: price · region MAD',
    );
    expect(describeUrl('compensations', { issuer: 'automatic', firstBill: 'true' })).toBe(
      'Compensations issued 2024-01-01 – 2024-03-31 · issuer: automatic · region MAD',
    );
  });

  it('speaks Spanish', () => {
    expect(describeUrl('disputes', { cause: 'overcharge' }, null, 'es')).toBe(
      'Reclamaciones abiertas 2024-01-01 – 2024-03-31 · causa: cobro excesivo · región MAD',
    );
  });
});

describe('casesRequest', () => {
  it('falls back to the default order for an unknown sort key and clamps the page', () => {
    const result = casesRequest('disputes', filters, { ...url, sort: 'drop table', page: -3 });
    expect(result.ok && result.request.input).toMatchObject({ sort: null, page: 1 });
  });

  it('refuses a narrowing value that would change which rows count', () => {
    expect(casesRequest('disputes', filters, { ...url, basis: 'closed' })).toEqual({
      ok: false,
      error: '"basis" cannot be "closed".',
    });
    expect(casesRequest('disputes', filters, { ...url, age: '1y' }).ok).toBe(false);
    expect(casesRequest('compensations', filters, { ...url, issuer: 'not an email' }).ok).toBe(false);
  });
});
