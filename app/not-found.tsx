import Link from 'next/link';

/** Our own 404 page: Next's built-in one carries an inline <style> without the CSP nonce. */
export default function NotFound() {
  return (
    <div className="login-wrap">
      <div className="card login-card">
        <h1>Not found</h1>
        <p>There is no page at this address.</p>
        <Link href="/">Back to your home page</Link>
      </div>
    </div>
  );
}
