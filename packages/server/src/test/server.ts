import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { type Backend, openTestDatabase, testBackends } from './databases.ts';

/** A running test application over a fresh database, driven with in-process requests. */
export interface TestApp {
  backend: Backend;
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
  /** The pinned clock; tests move it by assigning. */
  clock: { now: Date };
}

export const PINNED_NOW = new Date('2026-03-02T09:00:00.000Z');

export async function startTestApp(backend: Backend): Promise<TestApp> {
  const database = await openTestDatabase(backend);
  const clock = { now: PINNED_NOW };
  const config = loadConfig({ PORT: '3000', PULSE_DEMO: '0', PULSE_PUBLIC_URL: 'http://pulse.test' });
  const deps: AppDeps = { db: database.db, config, now: () => clock.now };
  const app = await buildApp(deps, { webDist: null, logger: false });
  await app.ready();
  return { backend, app, deps, database, clock };
}

/**
 * Declares a suite once per test database (PGlite, and PostgreSQL when configured). The body
 * receives a getter: the app starts in beforeAll.
 */
export function describeEachDatabase(name: string, body: (ctx: () => TestApp) => void): void {
  for (const backend of testBackends()) {
    describe(`${name} [${backend}]`, () => {
      let testApp: TestApp | null = null;
      beforeAll(async () => {
        testApp = await startTestApp(backend);
      });
      afterAll(async () => {
        await testApp?.app.close();
        await testApp?.database.close();
      });
      body(() => {
        if (!testApp) throw new Error('test app not started');
        return testApp;
      });
    });
  }
}
