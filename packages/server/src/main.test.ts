import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), 'main.ts');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}
function startPulse(env: Record<string, string>): Run {
  // One process, as `npm start` runs it (tsx registered in-process), so signals reach the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', PULSE_DEMO_SIZE: 'tiny', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
async function waitFor(run: Run, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!run.output().includes(text)) {
    if (Date.now() > until || run.child.exitCode !== null) throw new Error(`did not see "${text}":\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start (the server process, embedded database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, creates the demo organisation, prints the logins, serves, and stops gracefully on SIGTERM', async () => {
    const port = await freePort();
    const run = startPulse({ PORT: String(port), PULSE_DATA_DIR: dataDir });
    await waitFor(run, 'Pulse is running');
    expect(run.output()).toContain('head@demo.test');
    expect(run.output()).toContain('pulse-demo');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'head@demo.test', password: 'pulse-demo' }),
    });
    expect(login.status).toBe(200);
    // A request in flight when SIGTERM arrives still gets its answer (argon2 makes login slow).
    const inFlight = fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'director@demo.test', password: 'pulse-demo' }),
    });
    await new Promise((r) => setTimeout(r, 30));
    run.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await run.exited).toBe(0);
  });

  it('keeps the data across restarts and does not create the demo twice', async () => {
    const port = await freePort();
    const run = startPulse({ PORT: String(port), PULSE_DATA_DIR: dataDir });
    await waitFor(run, 'Pulse is running');
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'pulse-demo' }),
    });
    const me = (await res.json()) as { organization: { id: string } };
    run.child.kill('SIGTERM');
    await run.exited;
    const lite = await PGlite.create(dataDir);
    const orgs = await lite.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
    await lite.close();
    expect(orgs.rows[0]?.n).toBe(1);
    expect(me.organization.id).toBeTruthy();
  });

  it('refuses to start on a data directory made by a newer version, with a message', async () => {
    const lite = await PGlite.create(dataDir);
    await lite.query("INSERT INTO schema_migrations (name) VALUES ('9999_newer_pulse')");
    await lite.close();
    const run = startPulse({ PORT: String(await freePort()), PULSE_DATA_DIR: dataDir });
    expect(await run.exited).toBe(3);
    expect(run.output()).toMatch(/newer version of Pulse/);
  });

  it('refuses a bad environment variable, naming it', async () => {
    const run = startPulse({ PORT: 'eighty', PULSE_DATA_DIR: dataDir });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/PORT/);
  });
});
