import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

const MEETING = 'Встреча по КП (e2e)';
const MEETING_EDITED = 'Встреча по договору (e2e)';
const TASK = 'Позвонить закупщику (e2e)';
const TASK_EDITED = 'Позвонить главному инженеру (e2e)';
const GROUP = 'Насосы для e2e';
const TERRITORY = 'Территория e2e';

/** The id in the `<prefix><id>` data-testid of the first element matching `selector` that shows `text`. */
async function idOf(page: Page, selector: string, text: string, prefix: string): Promise<string> {
  const element = page.locator(selector).filter({ hasText: text }).first();
  await element.waitFor();
  return ((await element.getAttribute('data-testid')) ?? '').slice(prefix.length);
}

/** Picks the first option a searchable picker offers. */
async function pickFirst(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option').first().click();
}

/**
 * A head of sales corrects the CRM after the fact: edits and deletes an activity on a deal's
 * timeline, moves a task, keeps the product groups, and enters a sale made outside deals.
 */
describe.runIf(browserAvailable())('browser: a head of sales edits activities, tasks, groups and sales', () => {
  let env: BrowserEnv;
  let page: Page;
  let activityId = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env);
  }, 300_000);
  afterAll(async () => env?.close());

  it('logs in as the head of sales and opens a deal', async () => {
    await signIn(page, 'head@demo.test');
    await page.goto(`${env.baseUrl}/deals`);
    await page.locator('[data-testid^="deals-row-"]').first().click();
    await page.getByTestId('timeline').waitFor();
  });

  it('plans a meeting on the deal, then edits its subject and sees it on the timeline', async () => {
    await page.getByTestId('quick-create').click();
    await page.getByTestId('quick-create-meeting').click();
    await page.getByTestId('quick-subject').fill(MEETING);
    await page.getByTestId('quick-submit').click();
    activityId = await idOf(page, '[data-testid^="activity-"]', MEETING, 'activity-');

    await page.getByTestId(`activity-edit-${activityId}`).click();
    await page.getByTestId('activity-form-subject').fill(MEETING_EDITED);
    await page.getByTestId('activity-form-duration').fill('45');
    const saved = page.waitForResponse(
      (res) => res.url().endsWith(`/api/activities/${activityId}`) && res.request().method() === 'PATCH',
    );
    await page.getByTestId('activity-form-submit').click();
    expect((await saved).status()).toBe(200);
    const card = page.getByTestId(`activity-${activityId}`);
    await card.getByText(MEETING_EDITED).waitFor();
    expect(await card.getByText(MEETING).count()).toBe(0);
    expect(await card.textContent()).toContain('45 мин');
  });

  it('deletes the planned meeting after confirming', async () => {
    await page.getByTestId(`activity-delete-${activityId}`).click();
    const deleted = page.waitForResponse(
      (res) => res.url().endsWith(`/api/activities/${activityId}`) && res.request().method() === 'DELETE',
    );
    await page.getByTestId('activity-delete-confirm').click();
    expect((await deleted).status()).toBe(200);
    await page.getByTestId(`activity-${activityId}`).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('timeline').getByText(MEETING_EDITED).count()).toBe(0);
  });

  it('edits a task’s title and due time', async () => {
    await page.getByTestId('quick-create').click();
    await page.getByTestId('quick-create-task').click();
    await page.getByTestId('quick-subject').fill(TASK);
    await page.getByTestId('quick-submit').click();
    const taskId = await idOf(page, '[data-testid^="task-"]:not([data-testid^="task-complete-"])', TASK, 'task-');

    await page.getByTestId(`edit-task-${taskId}`).click();
    await page.getByTestId('task-form-title').fill(TASK_EDITED);
    await page.getByTestId('task-form-day').fill('2031-05-20');
    await page.getByTestId('task-form-time').fill('15:30');
    const saved = page.waitForResponse(
      (res) => res.url().endsWith(`/api/tasks/${taskId}`) && res.request().method() === 'PATCH',
    );
    await page.getByTestId('task-form-submit').click();
    const response = await saved;
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { title: string }).title).toBe(TASK_EDITED);
    const line = page.getByTestId(`task-${taskId}`);
    await line.getByText(TASK_EDITED).waitFor();
    const text = (await line.textContent()) ?? '';
    expect(text).toContain('20 мая 2031');
    expect(text).toContain('15:30');
  });

  it('creates a product group from the products page and marks it a priority direction', async () => {
    await page.getByTestId('nav-products').click();
    await page.getByTestId('product-groups-link').click();
    await page.getByTestId('product-groups').waitFor();
    await page.getByTestId('product-group-create').click();
    await page.getByTestId('product-group-form-name').fill(GROUP);
    await page.getByTestId('product-group-form-submit').click();
    const groupId = await idOf(page, '[data-testid^="product-group-"]', GROUP, 'product-group-');

    const toggle = page.getByTestId(`product-group-priority-${groupId}`);
    expect(await toggle.isChecked()).toBe(false);
    const saved = page.waitForResponse(
      (res) => res.url().endsWith(`/api/product-groups/${groupId}`) && res.request().method() === 'PATCH',
    );
    await toggle.click({ force: true });
    expect((await saved).status()).toBe(200);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.reload();
    await page.getByTestId(`product-group-priority-${groupId}`).waitFor({ state: 'attached' });
    expect(await page.getByTestId(`product-group-priority-${groupId}`).isChecked()).toBe(true);
  });

  it('refuses to delete a group that holds products, and says why', async () => {
    const demoGroup = page
      .locator('tr[data-testid^="product-group-"]')
      .filter({ hasText: 'Сервисные контракты' })
      .locator('[data-testid^="product-group-delete-"]');
    const refused = page.waitForResponse(
      (res) => res.url().includes('/api/product-groups/') && res.request().method() === 'DELETE',
    );
    await demoGroup.click();
    await page.getByTestId('product-group-delete-confirm').click();
    expect((await refused).status()).toBe(409);
    await page.getByTestId('product-group-delete-error').waitFor();
  });

  it('enters a sale made outside deals, finds it in the sales list, and deletes it', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-sales').click();
    await page.getByTestId('sale-create').click();
    await page.getByTestId('sale-form-date').fill('2026-03-10');
    await pickFirst(page, 'sale-form-product');
    await page.getByTestId('sale-form-quantity').fill('3');
    await page.getByTestId('sale-form-price').fill('1 500,50');
    expect(await page.getByTestId('sale-form-amount').inputValue()).toBe('4501.50');
    await page.getByTestId('sale-form-territory').fill(TERRITORY);
    const created = page.waitForResponse(
      (res) => res.url().endsWith('/api/sales') && res.request().method() === 'POST',
    );
    await page.getByTestId('sale-form-submit').click();
    const response = await created;
    expect(response.status()).toBe(201);
    const sale = (await response.json()) as { id: string; amountMinor: number; quantity: number };
    expect([sale.amountMinor, sale.quantity]).toEqual([450_150, 3]);

    await page.getByTestId('sales-filters-toggle').click();
    await page.getByTestId('sales-filter-territory').fill(TERRITORY);
    const row = page.getByTestId(`sales-row-${sale.id}`);
    await row.waitFor();
    expect((await row.textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toContain('4 501,50 ₽');

    await page.getByTestId(`sales-delete-${sale.id}`).click();
    const deleted = page.waitForResponse(
      (res) => res.url().endsWith(`/api/sales/${sale.id}`) && res.request().method() === 'DELETE',
    );
    await page.getByTestId('sale-delete-confirm').click();
    expect((await deleted).status()).toBe(200);
    await row.waitFor({ state: 'detached' });
  });
});
