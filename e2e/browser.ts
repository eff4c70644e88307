import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { type DatabaseHandle, openDatabase } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/modules/demo/seed-demo.ts';

export const CHROMIUM = process.env.PULSE_CHROMIUM ?? '/usr/bin/chromium';
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../packages/web/dist');

/**
 * Whether browser tests can run here. Locally a missing Chromium or web build skips them with a
 * message; in CI (CI=true) it is an error, because nothing may skip there.
 */
export function browserAvailable(): boolean {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : [`Chromium at ${CHROMIUM} (apt-get install -y chromium, or set PULSE_CHROMIUM)`]),
    ...(existsSync(join(WEB_DIST, 'index.html')) ? [] : ['the built web app (npm test builds it; or npm run build)']),
  ];
  if (missing.length === 0) return true;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but browser tests cannot run: missing ${missing.join(' and ')}`);
  process.stderr.write(`SKIP browser tests: missing ${missing.join(' and ')}\n`);
  return false;
}

export interface BrowserEnv {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Pulse with the demo organisation on a fresh embedded database, and a headless Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const database: DatabaseHandle = await openDatabase({ kind: 'embedded', dataDir: null }, 4);
  await migrate(database.pool);
  await seedDemo(database.db, new Date(), { size: 'tiny' });
  const config = loadConfig({ PULSE_DEMO: '0' });
  const app = await buildApp({ db: database.db, config, now: () => new Date() }, { webDist: WEB_DIST, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** How a test's browser window is set up; each option has the default the suites share. */
export interface PageOptions {
  /** The browser's language: Russian, the demo organisation's. */
  locale?: string;
  /** The window: 1440×900, a laptop screen. */
  viewport?: { width: number; height: number };
  /** How long an action or a wait may take, ms; Playwright's own 30 s when not given. */
  timeout?: number;
}

/** A page in a fresh browser context (its own cookies) on Pulse, relative URLs resolved against it. */
export async function openPage(env: BrowserEnv, options: PageOptions = {}): Promise<Page> {
  const context = await env.browser.newContext({
    locale: options.locale ?? 'ru-RU',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    baseURL: env.baseUrl,
  });
  const page = await context.newPage();
  if (options.timeout !== undefined) page.setDefaultTimeout(options.timeout);
  return page;
}

/** Signs in on the login page as a demo user (every one has the password 'pulse-demo'). */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('pulse-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}
