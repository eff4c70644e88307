import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

const COMPANY = 'ООО «Тестовая механика»';
const DEAL = 'Поставка насосов для Тестовой механики';
const TASK = 'Отправить КП Тестовой механике';

/** The board columns in pipeline order, by data-testid. */
async function boardColumns(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="board-column-"]')
    .evaluateAll((columns) => columns.map((column) => column.getAttribute('data-testid') ?? ''));
}

/** The column a deal card sits in. */
async function columnOf(page: Page, dealId: string): Promise<string> {
  return page
    .getByTestId(`board-card-${dealId}`)
    .evaluate((card) => card.closest('[data-testid^="board-column-"]')?.getAttribute('data-testid') ?? '');
}

/**
 * A sales manager's working day: a new client and deal, the deal dragged across the pipeline (and
 * moved once more from the keyboard), a promised task that appears in "My day" and leaves it
 * when done.
 */
describe.runIf(browserAvailable())('browser: a sales manager works a deal through the pipeline', () => {
  let env: BrowserEnv;
  let page: Page;
  let dealId = '';
  let stages: string[] = [];

  // Seeding the demo department takes a while, longer when other browser suites seed in parallel.
  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env);
  }, 300_000);
  afterAll(async () => env?.close());

  it('logs in as a sales manager who has "My day" and the CRM sections', async () => {
    await signIn(page, 'manager@demo.test');
    for (const section of ['myDay', 'companies', 'deals', 'tasks']) {
      expect(await page.getByTestId(`nav-${section}`).isVisible()).toBe(true);
    }
    expect(await page.getByTestId('nav-pipelines').count()).toBe(0);
  });

  it('creates a company and lands on its page, the phone laid out for reading', async () => {
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('companies-table').waitFor();
    await page.getByTestId('company-create').click();
    await page.getByTestId('company-form-name').fill(COMPANY);
    await page.getByTestId('company-form-phone-0').fill('8 (495) 123-45-67');
    await page.getByTestId('company-form-submit').click();
    await page.getByTestId('page-title').filter({ hasText: COMPANY }).waitFor();
    expect(await page.getByText('+7 495 123-45-67').count()).toBeGreaterThan(0);
  });

  it('creates a deal for the company, its amount shown in roubles', async () => {
    await page.getByTestId('company-add-deal').click();
    await page.getByTestId('deal-form-title').fill(DEAL);
    await page.getByTestId('deal-form-amount').fill('150 000,50');
    await page.getByTestId('deal-form-submit').click();
    await page.getByTestId('page-title').filter({ hasText: DEAL }).waitFor();
    dealId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(dealId).toMatch(/^[0-9a-f-]{36}$/);
    const amount = (await page.getByTestId('deal-amount').textContent())?.replace(/[\u00a0\u202f]/g, ' ');
    expect(amount).toBe('150 000,50 ₽');
  });

  it('drags the deal to the next stage on the board', async () => {
    await page.goto(`${env.baseUrl}/deals/board`);
    await page.getByTestId(`board-card-${dealId}`).waitFor();
    stages = await boardColumns(page);
    const from = await columnOf(page, dealId);
    const to = stages[stages.indexOf(from) + 1] ?? '';
    const saved = page.waitForResponse((res) => res.url().endsWith(`/api/deals/${dealId}/stage`));
    await page.getByTestId(`board-card-${dealId}`).dragTo(page.getByTestId(to));
    expect((await saved).status()).toBe(200);
    await page.getByTestId(to).getByTestId(`board-card-${dealId}`).waitFor();
    expect(await columnOf(page, dealId)).toBe(to);
  });

  it('still shows the deal in the new stage after a reload', async () => {
    const expected = await columnOf(page, dealId);
    await page.reload();
    await page.getByTestId(expected).getByTestId(`board-card-${dealId}`).waitFor();
    expect(await columnOf(page, dealId)).toBe(expected);
  });

  it('moves the deal one stage further from the keyboard', async () => {
    const from = await columnOf(page, dealId);
    const to = stages[stages.indexOf(from) + 1] ?? '';
    const saved = page.waitForResponse((res) => res.url().endsWith(`/api/deals/${dealId}/stage`));
    await page.getByTestId(`board-card-${dealId}`).focus();
    await page.keyboard.press('Shift+ArrowRight');
    expect((await saved).status()).toBe(200);
    await page.getByTestId(to).getByTestId(`board-card-${dealId}`).waitFor();
    await page.goto(`${env.baseUrl}/deals/${dealId}`);
    await page.getByTestId('timeline').waitFor();
    await expect.poll(() => page.locator('[data-testid^="stage-change-"]').count()).toBe(3);
  });

  it('promises a task on the deal from quick create, and finds it in "My day"', async () => {
    await page.getByTestId('quick-create').click();
    await page.getByTestId('quick-create-task').click();
    await page.getByTestId('quick-subject').fill(TASK);
    await page.getByTestId('quick-link-current').waitFor();
    await page.getByTestId('quick-submit').click();
    await page.getByTestId('timeline').getByText(TASK).waitFor();
    await page.getByTestId('nav-myDay').click();
    await page
      .getByTestId('my-day')
      .locator('[data-testid^="task-"]:not([data-testid^="task-complete-"])')
      .filter({ hasText: TASK })
      .waitFor();
  });

  it('completes the task, and it leaves "My day" for good', async () => {
    const task = page
      .getByTestId('my-day')
      .locator('[data-testid^="task-"]:not([data-testid^="task-complete-"])')
      .filter({ hasText: TASK });
    const taskId = (await task.getAttribute('data-testid'))?.replace('task-', '') ?? '';
    const done = page.waitForResponse((res) => res.url().endsWith(`/api/tasks/${taskId}/complete`));
    await page.getByTestId(`task-complete-${taskId}`).click();
    expect((await done).status()).toBe(200);
    await task.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('my-day-due-today').waitFor();
    expect(await page.getByTestId('my-day').getByText(TASK).count()).toBe(0);
  });
});
