/** A vocabulary value as a label: `fee_waiver` → "Fee waiver". */
export function vocabularyLabel(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
}
