import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

/** Text with the non-breaking spaces Intl puts in figures folded to plain ones. */
async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

interface UsersPage {
  items: { id: string; fullName: string; role: string; active: boolean }[];
}

interface CardBody {
  kpis: { kpiId: string; value: number | null }[];
  strengths: unknown[];
  weaknesses: unknown[];
}

/**
 * The head of the demo department opens a rep's card from the people list for the last 90 days
 * and sees KPI tiles with figures, the rep's line against the team's median, and where the rep
 * leads or lags the team.
 */
describe.runIf(browserAvailable())('browser: the head of sales opens a rep card on the demo department', () => {
  let env: BrowserEnv;
  let page: Page;
  let rep = { id: '', fullName: '' };
  /** A sales manager of another department, when the demo has one. */
  let outsider = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env, { timeout: 15_000 });
  }, 300_000);
  afterAll(async () => env?.close());

  it('logs in as the head and follows a sales manager’s card link in the people list', async () => {
    await signIn(page, 'head@demo.test');
    // The first sales manager whose card the head may open (one of their department's).
    const users = (await (await page.request.get('/api/users?role=sales_manager&limit=50')).json()) as UsersPage;
    for (const user of users.items) {
      const card = await page.request.get(`/api/daily-control/reps/${user.id}/card?from=2026-01-01&to=2026-01-31`);
      if (card.status() === 200 && rep.id === '') rep = { id: user.id, fullName: user.fullName };
      if (card.status() === 404 && outsider === '') outsider = user.id;
    }
    expect(rep.id, 'a sales manager of the head’s department').not.toBe('');

    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-search').fill(rep.fullName);
    await page.getByTestId(`rep-card-link-${rep.id}`).click();
    await page.waitForURL(`**/people/${rep.id}/card`);
    await page.getByTestId('page-title').filter({ hasText: rep.fullName }).waitFor();
    await page.getByTestId('rep-card-tile-calls-outbound').waitFor();
  });

  it('over the last 90 days sees tiles with figures, a chart of the rep against the team, and strengths and weaknesses', async () => {
    await page.getByTestId('rep-card-preset').click();
    // The same figures the API gives for the period the page asks for.
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/reps/${rep.id}/card`) && r.ok()),
      page.getByRole('option', { name: 'Последние 90 дней' }).click(),
    ]);
    const body = (await response.json()) as CardBody;
    const calls = body.kpis.find((k) => k.kpiId === 'calls-outbound')?.value ?? 0;
    expect(calls).toBeGreaterThan(0);
    await page.getByTestId('rep-card-tile-revenue').waitFor();
    const shownCalls = await textOf(page, 'rep-card-tile-calls-outbound');
    expect(shownCalls.replace(/\s/g, '')).toContain(String(calls));
    expect(await textOf(page, 'rep-card-tile-revenue')).toMatch(/\d/);
    expect(await textOf(page, 'rep-card-tile-revenue')).toContain('₽');

    const chart = page.getByTestId('rep-card-chart-calls-outbound');
    await chart.locator('svg').waitFor();
    const series = (await chart.getAttribute('data-series')) ?? '';
    expect(series).toMatch(/rep:line:[1-9]/);
    expect(series).toMatch(/team:line:\d+/);

    expect(body.strengths.length + body.weaknesses.length).toBeGreaterThan(0);
    const listed =
      (await page.getByTestId('rep-card-strengths').getByTestId('rep-card-comparison').count()) +
      (await page.getByTestId('rep-card-weaknesses').getByTestId('rep-card-comparison').count());
    expect(listed).toBe(body.strengths.length + body.weaknesses.length);
    expect(await textOf(page, 'rep-card-strengths')).toContain('Сильные стороны');
    await page.getByTestId('rep-card-funnel').waitFor();

    // The period is in the address: a reload (or the link sent to a colleague) asks for the same days.
    expect(new URL(page.url()).searchParams.get('period')).toBe('last90');
    const [again] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/reps/${rep.id}/card`) && r.ok()),
      page.reload(),
    ]);
    expect(new URL(again.url()).searchParams.get('from')).toBe(new URL(response.url()).searchParams.get('from'));
    expect(await page.getByTestId('rep-card-preset').inputValue()).toBe('Последние 90 дней');
  });

  it('is refused another department’s rep card like a missing record, and sees it in the page', async () => {
    const id = outsider || '00000000-0000-4000-8000-000000000000';
    const outside = await page.request.get(`/api/daily-control/reps/${id}/card?from=2026-01-01&to=2026-01-31`);
    expect(outside.status()).toBe(404);
    await page.goto(`${env.baseUrl}/people/${id}/card`);
    await page.getByRole('alert').waitFor();
  });
});
