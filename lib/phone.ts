/**
 * A phone number as E.164: `+` and 8 to 15 digits, the first not 0. Spaces, dots, dashes and
 * brackets are dropped and a leading `00` is read as `+`; a number without its country code is
 * refused, because it cannot be told apart from another country's.
 */
export function parsePhone(text: string): { ok: true; value: string } | { ok: false; reason: string } {
  const compact = text.trim().replace(/[\s.()-]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (/^\+[1-9]\d{7,14}$/.test(international)) return { ok: true, value: international };
  if (/^\d+$/.test(international)) {
    return { ok: false, reason: 'needs its country code: + and 8 to 15 digits, e.g. +34 612 345 678' };
  }
  return { ok: false, reason: 'is not a phone number: + and 8 to 15 digits, e.g. +34 612 345 678' };
}

/** The digits of a search text, when it has enough of them to look like part of a phone number. */
export function phoneDigits(text: string, min = 4): string | null {
  if (!/^[\d\s.()+-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= min ? digits : null;
}
