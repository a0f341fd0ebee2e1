import Link from 'next/link';
import { customerHref } from '@/lib/customer-links';

/** An account number, linked to the customer's 360 page (the page itself checks who may see it). */
export function AccountLink({ account, className }: { account: string; className?: string }) {
  return (
    <Link href={customerHref(account)} className={className}>
      {account}
    </Link>
  );
}
