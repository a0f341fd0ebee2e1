import type { useTranslations } from 'next-intl';

type ReasonsTranslator = ReturnType<typeof useTranslations<'importReasons'>>;
type ReasonKey = Parameters<ReasonsTranslator>[0];

/**
 * The importer's reasons (server/import) as the report stores them, in English, each with the
 * message that says it in the user's language; the captured parts become its parameters. A reason
 * no rule knows (a newer check) is shown as stored.
 */
const RULES: readonly { pattern: RegExp; key: ReasonKey; names?: readonly string[] }[] = [
  { pattern: /^required$/, key: 'required' },
  { pattern: /^required: at least one value, separated by ";"$/, key: 'requiredList' },
  { pattern: /^required when status is (.+)$/, key: 'requiredWhenStatus', names: ['status'] },
  {
    pattern: /^required when outcome is (.+) \(only pending cases may be open\)$/,
    key: 'requiredWhenOutcome',
    names: ['outcome'],
  },
  { pattern: /^required when churned_at is set$/, key: 'requiredWhenChurned' },
  { pattern: /^must not be before (\S+) \((.*)\)$/, key: 'notBefore', names: ['column', 'value'] },
  { pattern: /^contains a NUL character, which text cannot hold$/, key: 'nul' },
  { pattern: /^must be greater than 0$/, key: 'positive' },
  { pattern: /^must be 0 or more$/, key: 'nonNegative' },
  { pattern: /^must be a whole number >= (-?\d+)$/, key: 'wholeAtLeast', names: ['min'] },
  { pattern: /^not a whole number$/, key: 'notWhole' },
  { pattern: /^number too large$/, key: 'numberTooLarge' },
  { pattern: /^amount too large$/, key: 'amountTooLarge' },
  { pattern: /^at most 2 decimal places$/, key: 'twoDecimals' },
  {
    pattern: /^use "\." as the decimal separator and no thousands separators, e\.g\. 1234\.50$/,
    key: 'decimalSeparator',
  },
  { pattern: /^not an amount; use a decimal like 49\.90$/, key: 'notAmount' },
  { pattern: /^use true or false \(also yes\/no, 1\/0\)$/, key: 'boolean' },
  { pattern: /^not an email address$/, key: 'notEmail' },
  { pattern: /^must be one of: (.+)$/, key: 'oneOf', names: ['list'] },
  { pattern: /^a month as YYYY-MM \(or its first day, YYYY-MM-01\)$/, key: 'month' },
  {
    pattern: /^not a calendar date between (\d+) and (\d+); use YYYY-MM-DD or ISO 8601 with an offset, e\.g\. (\S+)$/,
    key: 'notCalendarDate',
    names: ['min', 'max', 'example'],
  },
  {
    pattern: /^not a date; use YYYY-MM-DD or ISO 8601 with an offset, e\.g\. (\S+)$/,
    key: 'notDate',
    names: ['example'],
  },
  {
    pattern: /^not a valid date and time; use YYYY-MM-DD or ISO 8601 with an offset, e\.g\. (\S+)$/,
    key: 'notDateTime',
    names: ['example'],
  },
  {
    pattern:
      /^a date-time needs a UTC offset \(Z or ±HH:MM\); use YYYY-MM-DD or ISO 8601 with an offset, e\.g\. (\S+)$/,
    key: 'needsOffset',
    names: ['example'],
  },
  {
    pattern: /^not a valid UTC offset; use YYYY-MM-DD or ISO 8601 with an offset, e\.g\. (\S+)$/,
    key: 'badOffset',
    names: ['example'],
  },
  { pattern: /^is not valid UTF-8 \(the bytes shown as \uFFFD\); save the file as UTF-8$/, key: 'notUtf8' },
  {
    pattern: /^is ([\d,]+) characters long; a cell may have at most ([\d,]+)$/,
    key: 'tooLong',
    names: ['length', 'max'],
  },
  {
    pattern: /^this row has (\d+) fields but the header has (\d+) \(an unquoted comma or a missing field\?\)$/,
    key: 'fieldCount',
    names: ['fields', 'header'],
  },
  {
    pattern: /^postcode is in region (\S+), which is not among region_codes$/,
    key: 'postcodeNotAmong',
    names: ['region'],
  },
  {
    pattern: /^postcode is in region (\S+), not in region_code (\S+)$/,
    key: 'postcodeRegion',
    names: ['region', 'code'],
  },
  {
    pattern:
      /^the customer's services add up to (\S+); monthly_fee is their total \(import customer_services to change it\)$/,
    key: 'servicesTotal',
    names: ['total'],
  },
  {
    pattern: /^this customer already has an outage credit for this outage \((.*)\)$/,
    key: 'duplicateOutageCredit',
    names: ['other'],
  },
  { pattern: /^unknown region \(import regions first\)$/, key: 'unknownRegion' },
  { pattern: /^unknown postcode \(import postcodes first\)$/, key: 'unknownPostcode' },
  { pattern: /^no user with this email \(import users first\)$/, key: 'unknownUser' },
  { pattern: /^unknown account_number \(import customers first\)$/, key: 'unknownAccount' },
  { pattern: /^unknown case_ref \(import retention_cases first\)$/, key: 'unknownCase' },
  { pattern: /^unknown dispute_ref \(import disputes first\)$/, key: 'unknownDispute' },
  { pattern: /^unknown outage_ref \(import outages first\)$/, key: 'unknownOutage' },
];

/** One stored reason in the translator's language. */
export function reasonText(reason: string, t: ReasonsTranslator): string {
  for (const rule of RULES) {
    const match = rule.pattern.exec(reason);
    if (!match) continue;
    const params = Object.fromEntries((rule.names ?? []).map((name, i) => [name, match[i + 1] ?? '']));
    return t(rule.key, params);
  }
  return reason;
}

const HEADER_PARTS: readonly { pattern: RegExp; key: ReasonKey; names: readonly string[] }[] = [
  {
    pattern: /^unknown column(s?) (.+) \(the (\S+) columns are (.+)\)$/,
    key: 'unknownColumns',
    names: ['many', 'list', 'entity', 'columns'],
  },
  { pattern: /^missing required column(s?) (.+)$/, key: 'missingColumns', names: ['many', 'list'] },
  { pattern: /^repeated column(s?) (.+)$/, key: 'repeatedColumns', names: ['many', 'list'] },
];

/** A refused file's header or CSV problem (server/import/header.ts, import-csv.ts) in the translator's language. */
export function fileProblemText(message: string, t: ReasonsTranslator): string {
  const empty = /^The file is empty: a header row naming the (\S+) columns is required\.$/.exec(message);
  if (empty) return t('emptyFile', { entity: empty[1] ?? '' });
  const csv = /^The file is not valid CSV: (.*)$/.exec(message);
  if (csv) return t('notCsv', { detail: csv[1] ?? '' });
  const refused = /^Header refused: (.+)\.$/.exec(message);
  if (!refused) return message;
  const parts = (refused[1] ?? '').split('; ').map((part) => {
    for (const rule of HEADER_PARTS) {
      const match = rule.pattern.exec(part);
      if (match) return t(rule.key, Object.fromEntries(rule.names.map((name, i) => [name, match[i + 1] ?? ''])));
    }
    return part;
  });
  return t('headerRefused', { problems: parts.join('; ') });
}
