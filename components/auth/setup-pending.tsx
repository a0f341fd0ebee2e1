/** What every page shows until the first admin exists (server/services/accounts/setup.ts). */
export function SetupPending() {
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>Holdfast is not set up yet</h1>
        <p>
          Open the setup link printed by the server at start-up to create the first admin. The link is also in the file{' '}
          <code>setup-link</code> next to the data folder (<code>.data/setup-link</code> by default), readable only by the
          user that runs the server.
        </p>
        <p className="muted">If the link has expired or was lost, restart the server: it prints a new one.</p>
      </div>
    </main>
  );
}
