import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

/** The head of sales logs in, opens the org structure, switches the language, logs out. */
describe.runIf(browserAvailable())('browser: the head of sales and the org structure', () => {
  let env: BrowserEnv;
  let page: Page;
  beforeAll(async () => {
    env = await startBrowserEnv();
    // Playwright's own window size, the one this suite has always run in.
    page = await openPage(env, { viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => env?.close());

  it('logs in as the head of sales and lands in the app shell in Russian', async () => {
    await signIn(page, 'head@demo.test');
    expect(await page.getByTestId('org-name').textContent()).toContain('Пульс Продаж');
  });

  it('shows the head only the sections their role may use', async () => {
    expect(await page.getByTestId('nav-structure').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    expect(await page.getByTestId('nav-calendar').count()).toBe(0);
  });

  it('opens the org structure: their department and its teams, not the other department', async () => {
    await page.getByTestId('nav-structure').click();
    await page.getByTestId('structure-tree').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('Оргструктура');
    const tree = page.getByTestId('structure-tree');
    await tree.getByText('Отдел продаж «Москва»').first().waitFor();
    expect(await tree.getByText('Команда «Север»').count()).toBeGreaterThan(0);
    expect(await tree.getByText('Команда «Юг»').count()).toBeGreaterThan(0);
    expect(await tree.getByText('Отдел продаж «Регионы»').count()).toBe(0);
    expect(await page.getByTestId('unit-create').count()).toBe(0);
  });

  it('switches the language to English, and the choice survives a reload', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Organisation structure');
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByTestId('page-title').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('Organisation structure');
  });

  it('logs out back to the login page, and the app is closed without a session', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await page.goto(`${env.baseUrl}/structure`);
    await page.getByTestId('login-email').waitFor();
    expect(await page.getByTestId('structure-tree').count()).toBe(0);
  });
});
