import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

const PLAN = 'План на год для цикла PDCA';
const ACTION = 'Обзвонить спящих клиентов';

/** This month as 'YYYY-MM' in the organisation's zone, where the cycle's months live. */
function thisMonth(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
}

function nextMonth(month: string): string {
  const [year = 0, index = 0] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index, 1));
  return date.toISOString().slice(0, 7);
}

/** The last day of a 'YYYY-MM' month, 'YYYY-MM-DD'. */
function lastDay(month: string): string {
  const [year = 0, index = 0] = month.split('-').map(Number);
  return new Date(Date.UTC(year, index, 0)).toISOString().slice(0, 10);
}

/** Calls the API with the browser's session, as the web app does (CSRF token from /api/me). */
async function api(page: Page, method: 'POST', path: string, body: unknown): Promise<Record<string, unknown>> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    data: body,
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

interface MeBody {
  csrfToken: string;
  user: { unitId: string | null; fullName: string };
  organization: { timeZone: string };
}

/**
 * The head of sales runs a month of the PDCA cycle of an approved plan on one screen:
 * approves the month's plan, generates and issues the reps' goals, writes the review and sets a
 * corrective action that becomes its owner's task; a rep then sees their goals on My day.
 */
describe.runIf(browserAvailable())('browser: the head of sales runs a month of the PDCA cycle', () => {
  let env: BrowserEnv;
  let page: Page;
  let planId = '';
  let month = '';
  let repName = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env, { timeout: 10_000 });
  }, 300_000);
  afterAll(async () => env?.close());

  it("sets up an approved two-month plan of a rep's team through the API", async () => {
    await signIn(page, 'manager@demo.test');
    const rep = (await (await page.request.get('/api/me')).json()) as MeBody;
    month = thisMonth(rep.organization.timeZone);
    repName = rep.user.fullName;
    await page.context().clearCookies();
    await signIn(page, 'head@demo.test');
    const created = await api(page, 'POST', '/api/plans', {
      name: PLAN,
      // This month and the next, so there is always a next month to check the actions from.
      periodStart: `${month}-01`,
      periodEnd: lastDay(nextMonth(month)),
      scopeUnitId: rep.user.unitId,
      realistic: { basis: 'manual', amountMinor: 1_200_000_000 },
      pessimistic: { kind: 'percent', basisPoints: 8500 },
      optimistic: { kind: 'percent', basisPoints: 11500 },
    });
    planId = String(created.id);
    const lines = await api(page, 'POST', `/api/plans/${planId}/decompose`, { version: created.version });
    const version = (lines.plan as { version: number }).version;
    await api(page, 'POST', `/api/plans/${planId}/approve`, { version });
  });

  it('opens the PDCA screen from the plan and picks this month', async () => {
    await page.goto(`${env.baseUrl}/plans/${planId}`);
    await page.getByTestId('plan-pdca').click();
    await page.getByTestId('pdca-months').waitFor();
    await page.getByTestId(`pdca-month-${month}`).click();
    await page.locator(`[data-testid="pdca-cycle"][data-month="${month}"]`).waitFor();
    expect(await page.getByTestId('pdca-stage-plan').getAttribute('data-state')).toBe('waiting');
  });

  it("approves the month's plan", async () => {
    await page.getByTestId('pdca-approve').click();
    await page.locator('[data-testid="pdca-stage-plan"][data-state="done"]').waitFor();
    expect(await page.getByTestId('pdca-stage-do').getAttribute('data-state')).toBe('waiting');
  });

  it('generates the goals, sees them in the table, and issues them', async () => {
    const generated = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${planId}/goals`));
    await page.getByTestId('pdca-generate-goals').click();
    const answer = await generated;
    expect(answer.status(), await answer.text()).toBe(200);
    await page.getByTestId('pdca-goal-row').first().waitFor();
    expect(await page.locator('[data-testid="pdca-goal-row"][data-metric="revenue"]').count()).toBeGreaterThan(0);
    await page.getByTestId('pdca-issue-goals').click();
    await page.locator('[data-testid="pdca-stage-do"][data-state="done"]').waitFor();
  });

  it('writes the review, listed with the deviations', async () => {
    expect(await page.getByTestId('pdca-deviation-row').count()).toBeGreaterThan(0);
    await page.getByTestId('pdca-review-comment').fill('Отстаём по новым клиентам');
    await page.getByTestId('pdca-review-submit').click();
    await page.locator('[data-testid="pdca-stage-check"][data-state="done"]').waitFor();
    expect(await page.getByTestId('pdca-review-comment-text').textContent()).toContain('Отстаём по новым клиентам');
  });

  it("adds a corrective action and sees its owner's task open", async () => {
    await page.getByTestId('pdca-action-add').click();
    await page.getByTestId('pdca-action-title').fill(ACTION);
    await page.getByTestId('pdca-action-owner').fill(repName);
    await page.getByRole('option', { name: repName }).click();
    await page.getByTestId('pdca-action-due').fill(`${month}-28`);
    const created = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
    await page.getByTestId('pdca-action-submit').click();
    const answer = await created;
    expect(answer.status(), await answer.text()).toBe(201);
    const row = page.locator('tr[data-testid^="pdca-action-"]').filter({ hasText: ACTION });
    await row.waitFor();
    expect(['Открыта', 'Просрочена']).toContain((await row.getByTestId('pdca-action-task').textContent())?.trim());
    await page.locator('[data-testid="pdca-stage-act"][data-state="done"]').waitFor();
  });

  it("adjusts a rep's goal with the reason", async () => {
    const row = page.locator('[data-testid="pdca-goal-row"][data-metric="deals-won"]').first();
    await row.getByTestId('pdca-goal-adjust').click();
    await page.getByTestId('pdca-goal-target').fill('7');
    await page.getByTestId('pdca-goal-reason').fill('Крупный клиент на подходе');
    await page.getByTestId('pdca-goal-submit').click();
    await row.filter({ hasText: 'Изменена' }).waitFor();
  });

  it("checks this month's action from the next month's screen", async () => {
    const next = nextMonth(month);
    await page.getByTestId(`pdca-month-${next}`).click();
    await page.locator(`[data-testid="pdca-cycle"][data-month="${next}"]`).waitFor();
    const row = page.getByTestId('pdca-previous-actions').locator('tr').filter({ hasText: ACTION });
    await row.getByTestId('pdca-action-check').click();
    await page.getByTestId('pdca-check-note').fill('Сработало наполовину');
    await page.getByText('Частично').click();
    await page.getByTestId('pdca-check-submit').click();
    await row.filter({ hasText: 'Частично — Сработало наполовину' }).waitFor();
  });

  it('shows a rep their goals for the month on My day', async () => {
    await page.context().clearCookies();
    await signIn(page, 'manager@demo.test');
    await page.goto(`${env.baseUrl}/my-day`);
    await page.getByTestId('my-goals').waitFor();
    expect(await page.getByTestId('my-goal').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('my-goals-days').textContent()).toMatch(/^Рабочих дней: \d+ из \d+$/);
  });
});
