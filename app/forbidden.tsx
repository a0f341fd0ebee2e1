import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="login-wrap">
      <div className="card login-card">
        <h1>Not allowed</h1>
        <p>Your role cannot open this page.</p>
        <Link href="/">Back to your home page</Link>
      </div>
    </div>
  );
}
