import Link from 'next/link';

export function FilterError({ message, path }: { message: string; path: string }) {
  return (
    <div className="card" role="alert">
      <p className="error">{message}</p>
      <Link href={path}>Reset the filters</Link>
    </div>
  );
}
