import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

interface Cell {
  value: number | null;
  light: 'green' | 'amber' | 'red' | null;
  drillDown: string | null;
}
interface Flag {
  kind: string;
  user: { id: string; fullName: string };
  count: number;
  recordIds: string[];
  drillDown: { list: 'activities' | 'tasks' | 'deals' | 'leads'; query: string } | null;
}
interface DashboardBody {
  period: { kind: string; from: string; to: string };
  kpis: string[];
  rows: { userId: string; fullName: string; kpis: Record<string, Cell> }[];
  flags: Flag[];
}

const LIGHT_WORDS: Record<string, string> = { green: 'Зелёный', amber: 'Жёлтый', red: 'Красный' };

/** The flags whose records a list shows by id, in the order the test prefers them. */
const LISTED_KINDS = ['overdue-tasks', 'rotting-deals', 'waiting-leads'];

/**
 * The head of sales opens the Pulse dashboard on the demo department: a row per rep with figures,
 * "this month" from the period tabs (kept in the URL), a red flag followed to the list of the
 * records behind it, back again, and a rep's card opened from their name.
 */
describe.runIf(browserAvailable())('browser: the head of sales watches the Pulse dashboard', () => {
  let env: BrowserEnv;
  let page: Page;
  let month: DashboardBody;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env, { timeout: 15_000 });
  }, 300_000);
  afterAll(async () => env?.close());

  /**
   * Monthly outbound-call targets for two reps who called this month: one they have reached (1
   * call) and one out of reach (10,000), so the month shows a green and a red light.
   */
  async function setMonthTargets(): Promise<void> {
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const current = (await (
      await page.request.get('/api/daily-control/dashboard?period=month')
    ).json()) as DashboardBody;
    const callers = current.rows.filter((row) => (row.kpis['calls-outbound']?.value ?? 0) > 0);
    expect(callers.length).toBeGreaterThan(1);
    const from = current.period.from;
    const [year, monthNumber] = from.split('-').map(Number) as [number, number];
    const to = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
    for (const [rep, target] of [
      [callers[0], 1],
      [callers[1], 10_000],
    ] as const) {
      const response = await page.request.post('/api/kpi/targets', {
        headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
        data: { kpiId: 'calls-outbound', userId: rep?.userId, grain: 'month', periodFrom: from, periodTo: to, target },
      });
      expect(response.status(), await response.text()).toBe(201);
    }
  }

  it('opens the dashboard from the navigation and sees a row with figures for each rep', async () => {
    await signIn(page, 'head@demo.test');
    const answer = page.waitForResponse((r) => r.url().includes('/api/daily-control/dashboard?'));
    await page.getByTestId('nav-dashboard').click();
    const response = await answer;
    expect(response.status(), await response.text()).toBe(200);
    const today = (await response.json()) as DashboardBody;
    expect(today.period.kind).toBe('today');
    expect(today.rows.length).toBeGreaterThan(1);
    await page.getByTestId('page-title').filter({ hasText: 'Пульс отдела' }).waitFor();

    const grid = page.getByTestId('dashboard-reps');
    await grid.getByTestId('dashboard-reps-row').first().waitFor();
    expect(await grid.getByTestId('dashboard-reps-row').count()).toBe(today.rows.length);
    const names = await grid.getByTestId('dashboard-reps-name').allTextContents();
    expect(names).toEqual(today.rows.map((row) => row.fullName));
    // Each row has a cell per KPI, and the figures the API counted are on the page.
    const first = grid.locator(`[data-testid="dashboard-reps-row"][data-id="${today.rows[0]?.userId}"]`);
    expect(await first.getByTestId('dashboard-cell').count()).toBe(today.kpis.length);
    const withLinks = today.rows.flatMap((row) => Object.values(row.kpis)).filter((cell) => cell.drillDown);
    expect(await grid.getByTestId('dashboard-cell-link').count()).toBe(withLinks.length);
    expect(await page.getByTestId('dashboard-as-of').getAttribute('data-to')).toBe(today.period.to);
    await page.getByTestId('dashboard-updated').waitFor();
  });

  it('switches to this month, kept in the URL, with lights where a target is set', async () => {
    await setMonthTargets();
    const answer = page.waitForResponse((r) => r.url().includes('/api/daily-control/dashboard?period=month'));
    await page.getByTestId('dashboard-period').getByText('Этот месяц').click();
    const response = await answer;
    expect(response.status()).toBe(200);
    month = (await response.json()) as DashboardBody;
    expect(new URL(page.url()).searchParams.get('period')).toBe('month');
    const asOf = page.getByTestId('dashboard-as-of');
    await page.locator(`[data-testid="dashboard-as-of"][data-from="${month.period.from}"]`).waitFor();
    expect(month.period.from.endsWith('-01')).toBe(true);
    expect(await asOf.getAttribute('data-to')).toBe(month.period.to);
    // The lights of the API are on the page, each said in words too (not colour alone).
    const lit = month.rows.flatMap((row) =>
      Object.entries(row.kpis)
        .filter(([, cell]) => cell.light)
        .map(([kpi, cell]) => ({ userId: row.userId, kpi, light: cell.light })),
    );
    expect(lit.map((cell) => cell.light)).toEqual(expect.arrayContaining(['green', 'red']));
    for (const cell of lit) {
      const shown = page
        .locator(`[data-testid="dashboard-reps-row"][data-id="${cell.userId}"]`)
        .locator(`[data-testid="dashboard-cell"][data-kpi="${cell.kpi}"]`);
      expect(await shown.getAttribute('data-light')).toBe(cell.light);
      expect(await shown.textContent()).toContain(LIGHT_WORDS[cell.light ?? '']);
      expect(await shown.textContent()).toContain('Цель');
    }
    // A month's revenue cell opens the rep's won deals or sales of the month.
    const revenue = month.rows.find((row) => row.kpis.revenue?.drillDown)?.kpis.revenue?.drillDown;
    expect(revenue).toContain(month.period.from);
  });

  it('follows a red flag to the list of the records behind it, and comes back', async () => {
    const flag = LISTED_KINDS.map((kind) =>
      month.flags.find((candidate) => candidate.kind === kind && candidate.recordIds.length > 0 && candidate.drillDown),
    ).find(Boolean);
    expect(flag, JSON.stringify(month.flags.map((f) => [f.kind, f.count]))).toBeDefined();
    if (!flag?.drillDown) return;
    const { list } = flag.drillDown;
    const line = page.locator(`[data-testid="dashboard-flag"][data-kind="${flag.kind}"][data-user="${flag.user.id}"]`);
    await line.waitFor();
    expect(await line.textContent()).toContain(flag.user.fullName);

    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/${list}` && r.request().method() === 'GET',
    );
    await line.getByTestId('dashboard-flag-link').click();
    const response = await listed;
    expect(response.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/${list}`);
    // The list asked the API with the flag's filters and got exactly the flagged records.
    const asked = new URL(response.url()).searchParams;
    for (const [key, value] of new URLSearchParams(flag.drillDown.query)) expect(asked.get(key), key).toBe(value);
    const items = ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(items).toEqual(expect.arrayContaining(flag.recordIds));
    expect(items.length).toBe(flag.count);
    await page.getByTestId(`${list}-row-${flag.recordIds[0]}`).waitFor();

    await page.goBack();
    await page.getByTestId('page-title').filter({ hasText: 'Пульс отдела' }).waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe('month');
    await page.getByTestId('dashboard-reps-row').first().waitFor();
  });

  it('draws only the rows in view when the department is large', async () => {
    // The demo has a handful of reps: the real answer is widened to 300 rows on its way to the page.
    await page.route('**/api/daily-control/dashboard?**', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as DashboardBody;
      const template = body.rows[0];
      if (!template) throw new Error('no rep on the dashboard');
      body.rows = Array.from({ length: 300 }, (_, index) => ({
        ...template,
        userId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        fullName: `Rep ${String(index).padStart(3, '0')}`,
      }));
      await route.fulfill({ response, json: body });
    });
    await page.reload();
    const grid = page.getByTestId('dashboard-reps');
    await grid.getByText('Rep 000', { exact: true }).waitFor();
    const drawn = await grid.getByTestId('dashboard-reps-row').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    await page.getByTestId('dashboard-reps-scroll').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await grid.getByText('Rep 299', { exact: true }).waitFor();
    expect(await grid.getByText('Rep 000', { exact: true }).count()).toBe(0);
    await page.unroute('**/api/daily-control/dashboard?**');
    await page.reload();
    await grid.getByTestId('dashboard-reps-row').first().waitFor();
  });

  it('shows a call logged elsewhere within 30 seconds, without a reload', async () => {
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const now = (await (await page.request.get('/api/daily-control/dashboard?period=month')).json()) as DashboardBody;
    const rep = now.rows.find((row) => row.kpis['calls-outbound']?.drillDown);
    if (!rep) throw new Error('no rep with an outbound-calls figure');
    const before = rep.kpis['calls-outbound']?.value ?? 0;
    const cell = page
      .locator(`[data-testid="dashboard-reps-row"][data-id="${rep.userId}"]`)
      .locator('[data-testid="dashboard-cell"][data-kpi="calls-outbound"]')
      .getByTestId('dashboard-cell-link');
    expect(await cell.textContent()).toBe(String(before));
    const logged = await page.request.post('/api/activities', {
      headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      data: { kind: 'call', direction: 'outbound', userId: rep.userId, subject: 'Follow-up' },
    });
    expect(logged.status(), await logged.text()).toBe(201);
    await cell.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor({ timeout: 40_000 });
  }, 60_000);

  it("opens a rep's card from their name", async () => {
    const rep = month.rows[0];
    if (!rep) throw new Error('no rep on the dashboard');
    await page.getByTestId('dashboard-reps').getByRole('link', { name: rep.fullName, exact: true }).click();
    await page.waitForURL(`**/people/${rep.userId}/card**`);
    await page.getByTestId('page-title').filter({ hasText: rep.fullName }).waitFor();
  });

  it('looks at the month up to an earlier day, kept in the URL', async () => {
    await page.goBack();
    await page.getByTestId('dashboard-date').waitFor();
    const day = month.period.from;
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/daily-control/dashboard?') && r.url().includes(`date=${day}`),
    );
    await page.getByTestId('dashboard-date').fill(day);
    const body = (await (await answer).json()) as DashboardBody;
    expect(body.period).toMatchObject({ kind: 'month', from: day, to: day });
    await page.locator(`[data-testid="dashboard-as-of"][data-to="${day}"]`).waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('period'), url.searchParams.get('date')]).toEqual(['month', day]);
  });
});
