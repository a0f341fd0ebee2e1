/** The customer 360 page of an account number. */
export function customerHref(accountNumber: string): string {
  return `/customers/${encodeURIComponent(accountNumber)}`;
}
