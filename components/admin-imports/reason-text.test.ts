import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { en } from '@/i18n/messages/en';
import { es } from '@/i18n/messages/es';
import { fileProblemText, reasonText } from './reason-text';

const english = createTranslator({ locale: 'en', messages: en, namespace: 'importReasons' });
const spanish = createTranslator({ locale: 'es', messages: es, namespace: 'importReasons' });

// The importer's own words (server/import), as a stored report holds them.
const STORED = [
  'required',
  'required when status is resolved',
  'must not be before opened_at (2024-05-03)',
  'must be a whole number >= 1',
  'use "." as the decimal separator and no thousands separators, e.g. 1234.50',
  'must be one of: saved, churned',
  'not a calendar date between 1900 and 2999; use YYYY-MM-DD or ISO 8601 with an offset, e.g. 2024-05-03T16:00:00+02:00',
  'a date-time needs a UTC offset (Z or ±HH:MM); use YYYY-MM-DD or ISO 8601 with an offset, e.g. 2024-05-03T16:00:00+02:00',
  'is 10,001 characters long; a cell may have at most 10,000',
  'this row has 3 fields but the header has 4 (an unquoted comma or a missing field?)',
  "the customer's services add up to 45.00; monthly_fee is their total (import customer_services to change it)",
  'unknown region (import regions first)',
];

describe('import reasons', () => {
  it('says every known reason in English exactly as the importer stored it', () => {
    for (const reason of STORED) expect(reasonText(reason, english)).toBe(reason);
  });

  it('says them in Spanish, keeping the values', () => {
    expect(reasonText('required when status is resolved', spanish)).toBe('obligatorio cuando status es resolved');
    expect(reasonText('must be a whole number >= 1', spanish)).toBe('debe ser un número entero >= 1');
    expect(reasonText('unknown region (import regions first)', spanish)).toBe(
      'región desconocida (importe antes las regiones)',
    );
  });

  it('shows a reason no rule knows as stored', () => {
    expect(reasonText('a brand-new check failed', spanish)).toBe('a brand-new check failed');
  });

  it('translates a refused header part by part', () => {
    const header =
      'Header refused: unknown column "foo" (the customers columns are "a", "b"); missing required column "a".';
    expect(fileProblemText(header, english)).toBe(header);
    expect(fileProblemText(header, spanish)).toBe(
      'Cabecera rechazada: columna desconocida "foo" (las columnas de customers son "a", "b"); falta la columna obligatoria "a".',
    );
  });
});
