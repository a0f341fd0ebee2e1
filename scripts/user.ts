import '@/server/cli/load-errors';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { createUserSchema, emailSchema, type CreateUserInput } from '@/lib/schemas/accounts';
import { CliUsageError, EXIT_OK, openCliDatabase, runCli } from '@/server/cli/run-cli';
import { env } from '@/server/env';
import { ApiError } from '@/server/http/api-error';
import { createUser, issuePasswordLink } from '@/server/services/accounts';
import type { IssuedLink } from '@/server/services/accounts/link-tokens';

const USAGE = `Usage:
  npm run user -- create --email EMAIL --name NAME --role admin|manager|rep|analyst [--region CODE] [--team support|billing|retention]
  npm run user -- reset --email EMAIL
Each prints a one-time link with which the person sets their own password (create: valid 7 days;
reset: 24 hours, and earlier links of theirs stop working). Links start with NEXTAUTH_URL when set.
Exits 0 when done, 1 on a usage error or rejected input, 2 when the database failed.`;

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  region: { type: 'string' },
  team: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseCommandLine() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error), USAGE);
  }
}

type Command = { kind: 'help' } | { kind: 'create'; input: CreateUserInput } | { kind: 'reset'; email: string };

function readCommand(): Command {
  const { values, positionals } = parseCommandLine();
  if (values.help) return { kind: 'help' };
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new CliUsageError(`Unexpected argument ${extra[0]}.`, USAGE);
  if (command === 'create') {
    const input = createUserSchema.safeParse({
      email: values.email,
      name: values.name,
      role: values.role,
      regionCode: values.region ?? null,
      team: values.team ?? null,
    });
    if (!input.success) throw new CliUsageError(describeIssues(input.error.issues, values), USAGE);
    return { kind: 'create', input: input.data };
  }
  if (command === 'reset') {
    const unexpected = (['name', 'role', 'region', 'team'] as const).find((o) => values[o] !== undefined);
    if (unexpected) throw new CliUsageError(`--${unexpected} does not apply to reset.`, USAGE);
    const email = emailSchema.safeParse(values.email);
    if (!email.success) throw new CliUsageError('reset needs --email with a valid email address.', USAGE);
    return { kind: 'reset', email: email.data };
  }
  throw new CliUsageError(command ? `Unknown command "${command}".` : 'Name a command: create or reset.', USAGE);
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[], values: Record<string, unknown>): string {
  const flags = { regionCode: 'region' } as Record<string, string>;
  const messages = issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const flag = flags[key] ?? key;
    return values[flag] === undefined ? `--${flag} is required` : `--${flag}: ${issue.message}`;
  });
  return [...new Set(messages)].join('; ');
}

async function run(db: Db, command: Exclude<Command, { kind: 'help' }>): Promise<IssuedLink & { email: string }> {
  if (command.kind === 'create') {
    const created = await createUser(db, null, command.input);
    return { ...created, email: created.user.email };
  }
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, command.email));
  if (!user) throw new CliUsageError(`There is no user with the email ${command.email}.`);
  return issuePasswordLink(db, null, user.id);
}

async function main(): Promise<number> {
  const command = readCommand();
  if (command.kind === 'help') {
    console.log(USAGE);
    return EXIT_OK;
  }
  const handle = await openCliDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
  let issued: IssuedLink & { email: string };
  try {
    issued = await run(handle.db, command);
  } catch (error) {
    // A taken email, an unknown region, a deactivated account: rejected input, not a database failure.
    if (error instanceof ApiError) throw new CliUsageError(error.message);
    throw error;
  } finally {
    await handle.close();
  }
  const what = command.kind === 'create' ? `Created ${issued.email}.` : `New ${issued.purpose} link for ${issued.email}.`;
  console.log(`${what} Send this one-time link to them (valid until ${issued.expiresAt.toISOString()}):`);
  console.log(issued.link);
  return EXIT_OK;
}

await runCli('user', main);
