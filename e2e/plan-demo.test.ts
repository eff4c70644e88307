import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';
import { filledShapes } from './charts.ts';

/** Text with the non-breaking spaces Intl puts in money folded to plain ones. */
async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

interface MeBody {
  organization: { timeZone: string };
}

interface ProgressLine {
  lineId: string;
  factToDateMinor: number;
  salesCount: number;
}

/**
 * The demo starts with this year's approved plan. The head of sales opens it and sees plan versus
 * fact for their part of it: the sales so far this year, the same figure the API gives for the
 * line, and the chart.
 */
describe.runIf(browserAvailable())("browser: the head of sales sees this year's demo plan against the fact", () => {
  let env: BrowserEnv;
  let page: Page;
  let year = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env, { timeout: 10_000 });
  }, 300_000);
  afterAll(async () => env?.close());

  it('logs in as the head and finds the approved plan of this year among the plans', async () => {
    await signIn(page, 'head@demo.test');
    const me = (await (await page.request.get('/api/me')).json()) as MeBody;
    year = new Intl.DateTimeFormat('en-CA', { timeZone: me.organization.timeZone, year: 'numeric' }).format(new Date());
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plans-table').waitFor();
    await page.getByRole('link', { name: `План продаж на ${year} год` }).click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: `План продаж на ${year} год` })
      .waitFor();
    expect(await textOf(page, 'plan-status')).toBe('Утверждён');
    await page.getByTestId('plan-locked').waitFor();
  });

  it('opens plan versus fact and sees a non-zero fact for this year, as the API gives it', async () => {
    await page.getByTestId('plan-progress').click();
    await page.getByTestId('page-title').filter({ hasText: 'план-факт' }).waitFor();
    await page.getByTestId('progress-table').waitFor();
    const planId = /\/plans\/([0-9a-f-]{36})\/progress/.exec(page.url())?.[1] ?? '';
    expect(planId).not.toBe('');

    const response = await page.request.get(`/api/plans/${planId}/progress`);
    expect(response.status()).toBe(200);
    const progress = (await response.json()) as { asOf: string; lines: ProgressLine[] };
    expect(progress.asOf.slice(0, 4)).toBe(year);
    const first = page.locator('[data-testid^="progress-line-"]').first();
    const lineId = ((await first.getAttribute('data-testid')) ?? '').replace('progress-line-', '');
    const line = progress.lines.find((l) => l.lineId === lineId);
    expect(line, `line ${lineId} in the API`).toBeDefined();
    expect(line?.factToDateMinor).toBeGreaterThan(0);
    expect(line?.salesCount).toBeGreaterThan(0);

    // The table shows whole roubles: '1 234 567 ₽'.
    const shown = await textOf(page, `progress-fact-${lineId}`);
    expect(shown).toMatch(/^[\d ]+ ₽$/);
    expect(Number(shown.replace(/\D/g, ''))).toBe(Math.round((line?.factToDateMinor ?? 0) / 100));
  });

  it('charts the line with its plan band and the fact so far', async () => {
    const chart = page.getByTestId('progress-chart');
    await chart.locator('svg').waitFor();
    // Series from the option the chart was drawn with: every day of the year has a plan and a
    // band, the fact runs up to today.
    const series = (await chart.getAttribute('data-series')) ?? '';
    const days = Number(/\bband:line:(\d+)/.exec(series)?.[1]);
    expect(days).toBeGreaterThanOrEqual(365);
    expect(series).toContain(`pessimistic:line:${days} band:line:${days} plan:line:${days}`);
    expect(Number(/\bfact:line:(\d+)/.exec(series)?.[1])).toBeGreaterThan(0);
    // In the SVG the band is one filled area; bars, legend icons and markers are not drawn as such.
    await expect.poll(() => filledShapes(chart)).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/Факт \(.+\): [\d\s]+,\d\d\s₽/);
  });
});
