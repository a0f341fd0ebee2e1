import { DEMO_LOGINS, DEMO_PASSWORD } from '@/lib/demo-accounts';

export function DemoLogins() {
  return (
    <section className="demo-logins" aria-label="Demo accounts">
      <p className="muted">
        Demo data is loaded. Every demo account uses the password <code>{DEMO_PASSWORD}</code>:
      </p>
      <ul>
        {DEMO_LOGINS.map((login) => (
          <li key={login.email}>
            <code>{login.email}</code> — {login.description}
          </li>
        ))}
      </ul>
    </section>
  );
}
