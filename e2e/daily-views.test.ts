import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

interface Cell {
  value: number | null;
  light: 'green' | 'amber' | 'red' | null;
  drillDown: string | null;
}
interface MeBody {
  csrfToken: string;
  user: { id: string };
  organization: { timeZone: string };
}
interface MyBody {
  period: { kind: string };
  kpis: string[];
  row: { kpis: Record<string, Cell> };
  goals: { items: unknown[] };
}
interface DepartmentsBody {
  kpis: string[];
  departments: { unitId: string; name: string; kpis: Record<string, Cell> }[];
}
interface DigestBody {
  date: string;
  subject: string;
  reps: { userId: string; cells: { kpiId: string; light: string }[] }[];
  flags: unknown[];
  plan: unknown[];
}

/** Text with the non-breaking spaces Intl puts in numbers folded to plain ones. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

/** A page of its own (its own session) signed in as a demo user. */
async function logIn(env: BrowserEnv, email: string): Promise<Page> {
  const page = await openPage(env, { timeout: 15_000 });
  await signIn(page, email);
  return page;
}

/**
 * The views of daily control beside the head's dashboard, on the demo department: a sales manager
 * sees their own figures on My day, the commercial director the departments side by side, and the
 * head of sales the morning digest; each shows what the API gives.
 */
describe.runIf(browserAvailable())('browser: my figures, departments and the morning digest', () => {
  let env: BrowserEnv;

  let managerId = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    // A daily outbound-calls target no one meets for the manager, over the last two weeks: their
    // figure today is red, and so is yesterday's in the head's digest.
    const manager = await logIn(env, 'manager@demo.test');
    const me = (await (await manager.request.get('/api/me')).json()) as MeBody;
    managerId = me.user.id;
    await manager.context().close();
    const head = await logIn(env, 'head@demo.test');
    const headMe = (await (await head.request.get('/api/me')).json()) as MeBody;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: headMe.organization.timeZone }).format(new Date());
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
    // The demo gives the manager this month's outbound-calls target from their goals: cleared
    // over the span first, so the target below is the one their figures are judged by.
    const listed = await head.request.get(
      `/api/kpi/targets?userId=${managerId}&kpiId=calls-outbound&from=${from}&to=${today}&limit=200`,
    );
    for (const target of ((await listed.json()) as { items: { id: string }[] }).items) {
      const removed = await head.request.delete(`/api/kpi/targets/${target.id}`, {
        headers: { 'x-csrf-token': headMe.csrfToken },
      });
      expect(removed.status(), await removed.text()).toBe(200);
    }
    const created = await head.request.post('/api/kpi/targets', {
      headers: { 'x-csrf-token': headMe.csrfToken, 'content-type': 'application/json' },
      data: {
        kpiId: 'calls-outbound',
        userId: managerId,
        grain: 'day',
        periodFrom: from,
        periodTo: today,
        target: 500,
      },
    });
    expect(created.status()).toBe(201);
    await head.context().close();
  }, 300_000);
  afterAll(async () => env?.close());

  it('shows a sales manager their figures on My day, with lights in words and drill-downs, by period', async () => {
    const page = await logIn(env, 'manager@demo.test');
    await expect(page.getByTestId('nav-departments').count()).resolves.toBe(0);
    await expect(page.getByTestId('nav-digest').count()).resolves.toBe(0);
    await page.getByTestId('nav-myDay').click();
    const card = page.getByTestId('my-figures');
    await card.getByTestId('my-figures-body').and(page.locator('[data-period="today"]')).waitFor();

    const today = (await (await page.request.get('/api/daily-control/me?period=today')).json()) as MyBody;
    expect(await card.locator('tbody tr').count()).toBe(today.kpis.length);
    const calls = today.row.kpis['calls-outbound'];
    const callsRow = card.getByTestId('my-figure-calls-outbound');
    expect(plain(await callsRow.getByTestId('my-figure-value').textContent())).toBe(
      calls?.value === null || calls?.value === undefined
        ? '—'
        : new Intl.NumberFormat('ru-RU').format(calls.value).replace(/\s/g, ' '),
    );
    // The outbound calls open the activities they count.
    const link = callsRow.getByRole('link');
    expect(await link.getAttribute('href')).toBe(calls?.drillDown);
    // Every light is said in words, the same light the API gives.
    const lights = Object.entries(today.row.kpis).filter(([, cell]) => cell.light !== null);
    expect(calls?.light).toBe('red');
    expect(plain(await callsRow.getByTestId('kpi-light').textContent())).toBe('✕ Ниже цели');
    expect(plain(await callsRow.getByTestId('my-figure-target').textContent())).toBe('500');
    for (const [kpiId, cell] of lights) {
      await expect(
        card.getByTestId(`my-figure-${kpiId}`).getByTestId('kpi-light').getAttribute('data-light'),
      ).resolves.toBe(cell.light);
    }
    // Quality score has no source yet and says so.
    expect(plain(await card.getByTestId('my-figure-quality-score').getByTestId('kpi-status').textContent())).toBe(
      'Источника данных пока нет',
    );

    await card.getByText('Этот месяц').click();
    await card.getByTestId('my-figures-body').and(page.locator('[data-period="month"]')).waitFor();
    const month = (await (await page.request.get('/api/daily-control/me?period=month')).json()) as MyBody;
    const won = month.row.kpis['deals-won']?.value ?? null;
    expect(plain(await card.getByTestId('my-figure-deals-won').getByTestId('my-figure-value').textContent())).toBe(
      won === null ? '—' : String(won),
    );
    expect(await card.getByTestId('my-figures-goal').count()).toBe(month.goals.items.length);
    await card.getByTestId('my-figures-plan').waitFor();

    // Departments are not theirs.
    await page.goto(`${env.baseUrl}/departments`);
    await page.getByTestId('page-title').filter({ hasText: 'Нет доступа' }).waitFor();
    await page.context().close();
  });

  it('shows the commercial director the departments side by side with the best of each row highlighted', async () => {
    const page = await logIn(env, 'director@demo.test');
    await page.getByTestId('nav-departments').click();
    await page.getByTestId('departments-table').waitFor();
    const body = (await (
      await page.request.get('/api/daily-control/departments?period=today')
    ).json()) as DepartmentsBody;
    expect(body.departments.length).toBeGreaterThan(0);
    const columns = page.getByTestId('departments-column');
    expect(await columns.count()).toBe(body.departments.length);
    expect(plain(await columns.first().textContent())).toContain(body.departments[0]?.name ?? '?');
    expect(await page.locator('[data-testid^="departments-row-"]').count()).toBe(body.kpis.length + 2);

    await page.getByTestId('departments-period').getByText('Этот месяц').click();
    const month = (await (
      await page.request.get('/api/daily-control/departments?period=month')
    ).json()) as DepartmentsBody;
    const revenues = month.departments.map((d) => d.kpis.revenue?.value ?? null);
    const present = revenues.filter((v): v is number => v !== null);
    const expected =
      present.length < 2 ? [] : revenues.flatMap((v, i) => (v !== null && v === Math.max(...present) ? [i] : []));
    const revenueCells = page.getByTestId('departments-row-revenue').getByTestId('departments-cell');
    await expect
      .poll(async () => {
        const flags = await revenueCells.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-best')));
        return flags.flatMap((flag, i) => (flag === 'true' ? [i] : []));
      })
      .toEqual(expected);
    await page.context().close();
  });

  it('shows the head of sales the morning digest for a chosen morning, in Russian and then in English', async () => {
    const page = await logIn(env, 'head@demo.test');
    await expect(page.getByTestId('nav-departments').count()).resolves.toBe(0);
    await page.getByTestId('nav-digest').click();
    await page.getByTestId('digest-body').waitFor();
    const digest = (await (await page.request.get('/api/daily-control/digest')).json()) as DigestBody;
    expect(plain(await page.getByTestId('digest-subject').textContent())).toBe(plain(digest.subject));
    expect(digest.subject).toMatch(/^Утренняя сводка/);
    expect(await page.getByTestId('digest-rep').count()).toBe(digest.reps.length);
    // Yesterday the manager missed their calls target: the digest says so, in red and in words.
    const manager = digest.reps.find((rep) => rep.userId === managerId);
    expect(manager?.cells.find((cell) => cell.kpiId === 'calls-outbound')?.light).toBe('red');
    const managerCell = page.locator(
      `[data-testid="digest-rep"][data-user="${managerId}"] [data-kpi="calls-outbound"]`,
    );
    expect(plain(await managerCell.getByTestId('kpi-light').textContent())).toBe('✕ Ниже цели');
    expect(plain(await managerCell.textContent())).toContain('(цель 500)');
    // The rep's name opens their card.
    expect(
      await page
        .locator(`[data-testid="digest-rep"][data-user="${managerId}"]`)
        .getByTestId('digest-rep-card')
        .getAttribute('href'),
    ).toBe(`/people/${managerId}/card`);
    expect(await page.getByTestId('digest-flag').count()).toBe(digest.flags.length);
    expect(await page.getByTestId('digest-plan-line').count()).toBe(digest.plan.length);
    expect(plain(await page.getByTestId('digest-note').textContent())).toContain('отправка по e-mail появится позже');
    await page.getByTestId('digest-copy').waitFor();

    const earlier = new Date(Date.parse(`${digest.date}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('digest-date').fill(earlier);
    await page.locator(`[data-testid="digest-body"][data-date="${earlier}"]`).waitFor();
    const before = (await (await page.request.get(`/api/daily-control/digest?date=${earlier}`)).json()) as DigestBody;
    expect(plain(await page.getByTestId('digest-subject').textContent())).toBe(plain(before.subject));
    expect(await page.getByTestId('digest-rep').count()).toBe(before.reps.length);

    // In English, the digest is written in English: the e-mail's subject and the page around it.
    await page.getByTestId('lang-switch').click();
    await page
      .getByTestId('digest-subject')
      .filter({ hasText: /^Morning digest for / })
      .waitFor();
    await page.getByTestId('digest-flags').getByText('Red flags today').waitFor();
    const english = (await (await page.request.get(`/api/daily-control/digest?date=${earlier}`)).json()) as DigestBody;
    expect(plain(await page.getByTestId('digest-subject').textContent())).toBe(plain(english.subject));
    await page.context().close();
  });
});
