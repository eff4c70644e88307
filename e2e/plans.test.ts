import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';
import { filledShapes } from './charts.ts';

const PLAN = 'План продаж на следующий год';

/**
 * The plan-versus-fact chart is drawn: the plan and the band between pessimistic and optimistic
 * over every day of the period, the fact so far, and the band filled as one area in the SVG.
 */
async function expectProgressChart(page: Page): Promise<void> {
  const chart = page.getByTestId('progress-chart');
  await chart.locator('svg').waitFor();
  const series = (await chart.getAttribute('data-series')) ?? '';
  const days = Number(/\bband:line:(\d+)/.exec(series)?.[1]);
  expect(days).toBeGreaterThan(27);
  expect(series).toMatch(new RegExp(`^pessimistic:line:${days} band:line:${days} plan:line:${days} fact:line:\\d+`));
  await expect.poll(() => filledShapes(chart)).toBe(1);
}

/** Text with the non-breaking spaces Intl puts in money folded to plain ones. */
async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

/**
 * The commercial director plans next year: last year's fact + 10 %, seasonality from the history,
 * decomposition down to the reps, a rep's figure changed bottom-up (the difference shows until
 * reconciled), then approval, after which the plan is locked.
 */
describe.runIf(browserAvailable())('browser: the director plans next year', () => {
  let env: BrowserEnv;
  let page: Page;
  let repLine = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env);
  }, 300_000);
  afterAll(async () => env?.close());

  it('logs in as the director, who has the plans section', async () => {
    await signIn(page, 'director@demo.test');
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('page-title').filter({ hasText: 'Планы продаж' }).waitFor();
  });

  it('deletes a draft that was never approved, after confirming', async () => {
    await page.getByTestId('plan-create').click();
    await page.getByTestId('plan-form-name').fill('Черновик на удаление');
    await page.getByTestId('plan-form-submit').click();
    await page.getByTestId('page-title').filter({ hasText: 'Черновик на удаление' }).waitFor();
    await page.getByTestId('plan-delete').click();
    const answered = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await page.getByTestId('plan-delete-confirm').click();
    expect((await answered).status()).toBe(200);
    await page.getByTestId('page-title').filter({ hasText: 'Планы продаж' }).waitFor();
    await page.getByText('Черновик на удаление').waitFor({ state: 'detached' });
  });

  it('creates a plan for next year from last year × growth and lands in the editor', async () => {
    await page.getByTestId('plan-create').click();
    await page.getByTestId('plan-form-name').fill(PLAN);
    expect(await page.getByTestId('plan-form-growth').inputValue()).toBe('10');
    await page.getByTestId('plan-form-submit').click();
    await page.getByTestId('page-title').filter({ hasText: PLAN }).waitFor();
    expect(await textOf(page, 'plan-status')).toBe('Черновик');
    expect(await textOf(page, 'plan-scenario-realistic')).toMatch(/^Реалистичный: [\d ]+ ₽$/);
  });

  it('takes the seasonality from the history, shown as a chart', async () => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/seasonality/from-history'));
    await page.getByTestId('seasonality-from-history').click();
    expect((await answered).status()).toBe(200);
    const chart = page.getByTestId('seasonality-chart');
    await chart.locator('svg').waitFor();
    // Twelve coefficients on the line, and a bar drawn per month that has history.
    const series = (await chart.getAttribute('data-series')) ?? '';
    expect(series).toMatch(/^history:bar:\d+ coefficient:line:12$/);
    await expect.poll(() => filledShapes(chart)).toBe(Number(/history:bar:(\d+)/.exec(series)?.[1]));
    expect(['По истории', 'Ровная']).toContain(await textOf(page, 'seasonality-basis'));
  });

  it('decomposes the plan down to the reps', async () => {
    await page.getByTestId('plan-decompose').click();
    await page.getByTestId('plan-tree-structure').waitFor();
    const rep = page.locator('[data-testid^="plan-line-"][data-kind="rep"]').first();
    repLine = ((await rep.getAttribute('data-testid')) ?? '').replace('plan-line-', '');
    expect(repLine).toMatch(/^[0-9a-f-]{36}$/);
    expect(await textOf(page, `plan-line-difference-${repLine}`)).toBe('');
  });

  it("changes a rep's figure bottom-up and sees the difference to the top-down plan", async () => {
    const topDown = await textOf(page, `plan-line-year-${repLine}`);
    const box = page.getByTestId(`plan-line-bottom-up-${repLine}`);
    await box.fill('99 999 999');
    await box.press('Enter');
    await page.getByTestId('plan-unreconciled').waitFor();
    expect(await textOf(page, `plan-line-difference-${repLine}`)).toMatch(/^\+[\d ]+ ₽$/);
    expect(await textOf(page, `plan-line-year-${repLine}`)).toBe(topDown);
  });

  it('reconciles by accepting the bottom-up figure, which becomes the plan', async () => {
    await page.getByTestId('plan-reconcile-bottom-up').click();
    await page.getByTestId('plan-unreconciled').waitFor({ state: 'detached' });
    expect(await textOf(page, `plan-line-year-${repLine}`)).toBe('99 999 999 ₽');
    expect(await textOf(page, `plan-line-difference-${repLine}`)).toBe('');
  });

  it('approves the plan and sees it locked', async () => {
    await page.getByTestId('plan-approve').click();
    await page.getByTestId('plan-locked').waitFor();
    expect(await textOf(page, 'plan-status')).toBe('Утверждён');
    expect(await page.getByTestId('plan-decompose').count()).toBe(0);
    expect(await page.getByTestId(`plan-line-bottom-up-${repLine}`).isDisabled()).toBe(true);
    expect(await page.getByTestId('plan-revise').isVisible()).toBe(true);
  });

  it('exports the plan as an XLSX workbook', async () => {
    const href = (await page.getByTestId('plan-export').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/plans\/[0-9a-f-]{36}\/export\.xlsx$/);
    // The button is a plain link; the page's own session downloads it.
    const response = await page.context().request.get(new URL(href, env.baseUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it('opens plan versus fact and sees the lines as a tree-table and the chart of the top line', async () => {
    await page.getByTestId('plan-progress').click();
    await page.getByTestId('page-title').filter({ hasText: 'план-факт' }).waitFor();
    await page.getByTestId('progress-table').waitFor();
    expect(await page.locator('[data-testid^="progress-line-"][data-kind="rep"]').count()).toBeGreaterThan(0);
    await expectProgressChart(page);
  });

  it("charts a rep's line when chosen and links to the sales behind its fact", async () => {
    const rep = page.getByTestId(`progress-line-${repLine}`);
    const chart = page.getByTestId('progress-chart');
    const topLine = await chart.getAttribute('aria-label');
    await rep.click();
    // The same chart now tells the rep's line.
    await expect.poll(() => chart.getAttribute('aria-label')).not.toBe(topLine);
    await expectProgressChart(page);
    const sales = await page.getByTestId(`progress-sales-${repLine}`).getAttribute('href');
    expect(sales).toMatch(/^\/sales\?ownerId=[0-9a-f-]{36}&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/);
  });
});
