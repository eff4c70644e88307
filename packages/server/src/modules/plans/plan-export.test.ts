import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';
import { createPlan, decompose, storedTree } from './plans.factories.ts';

// The workbook is read back with exceljs: every money cell × 100 must be the stored figure in
// minor units, exactly, in every month, line and scenario.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function download(t: TestApp, session: Session, planId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/plans/${planId}/export.xlsx`,
    headers: { cookie: session.cookie },
  });
  return response;
}

async function workbookOf(payload: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

const minor = (cell: ExcelJS.Cell) => Math.round(Number(cell.value) * 100);

describeEachDatabase('plan export', (ctx) => {
  let org: TestOrg;
  let head: Session;
  let managerA: Session;
  let rivalDirector: Session;
  let planId: string;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Export org');
    const rival = await createTestOrg(t, 'Export rival');
    [head, managerA, rivalDirector] = await Promise.all([
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, rival.users.director.email),
    ]);
    // An odd amount, so that months, reps and channels all carry remainders.
    const plan = await createPlan(head, {
      name: 'Moscow 2026',
      scopeUnitId: org.units.department,
      realistic: { basis: 'manual', amountMinor: 1_234_567_89 },
    });
    planId = plan.id;
    await decompose(head, plan);
  });

  it('answers 401 without a session and 404 for another organisation', async () => {
    const t = ctx();
    expect((await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/export.xlsx` })).statusCode).toBe(401);
    expect((await download(t, rivalDirector, planId)).statusCode).toBe(404);
    expect((await download(t, head, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('writes the stored plan exactly, one sheet per dimension, in Russian by default', async () => {
    const t = ctx();
    const response = await download(t, head, planId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_TYPE);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['План', 'Структура', 'Каналы']);

    const stored = await storedTree(t, org, planId);
    const summary = workbook.getWorksheet('План');
    if (!summary) throw new Error('no summary sheet');
    expect(summary.getCell('A1').value).toBe('Название');
    expect(minor(summary.getCell('B9'))).toBe(stored.plan.pessimistic_minor);
    expect(minor(summary.getCell('B10'))).toBe(stored.plan.realistic_minor);
    expect(minor(summary.getCell('B11'))).toBe(stored.plan.optimistic_minor);
    expect(summary.getCell('B10').numFmt).toBe('#,##0.00');

    for (const [sheetName, dimension] of [
      ['Структура', 'structure'],
      ['Каналы', 'channel'],
    ] as const) {
      const sheet = workbook.getWorksheet(sheetName);
      if (!sheet) throw new Error(`no ${sheetName} sheet`);
      const header = sheet.getRow(1).values as unknown[];
      expect(header.slice(1, 3)).toEqual(['Строка', '2026-01']);
      expect(header[14]).toBe('Год: Пессимистичный');
      const lines = stored.lines.filter((line) => line.dimension === dimension);
      expect(sheet.rowCount).toBe(lines.length + 1);
      lines.forEach((line, i) => {
        const row = sheet.getRow(i + 2);
        const months = stored.months
          .filter((m) => m.plan_line_id === line.plan_line_id)
          .sort((a, b) => a.month_start.localeCompare(b.month_start));
        months.forEach((month, m) => {
          expect(minor(row.getCell(m + 2)), `${sheetName} row ${i + 2} month ${m + 1}`).toBe(month.realistic_minor);
        });
        expect(minor(row.getCell(14))).toBe(line.pessimistic_minor);
        expect(minor(row.getCell(15))).toBe(line.realistic_minor);
        expect(minor(row.getCell(16))).toBe(line.optimistic_minor);
        expect(row.getCell(15).numFmt).toBe('#,##0.00');
      });
      // The root is the plan: its year equals the plan's total.
      expect(minor(sheet.getRow(2).getCell(15))).toBe(stored.plan.realistic_minor);
      expect(sheet.getRow(2).getCell(1).alignment?.indent ?? 0).toBe(0);
    }
    // Department → team → rep: the rep is indented twice.
    const structure = workbook.getWorksheet('Структура');
    const annaRow = structure?.getColumn(1).values.indexOf('Anna Manager') ?? -1;
    expect(annaRow).toBeGreaterThan(0);
    expect(structure?.getRow(annaRow).getCell(1).alignment?.indent).toBe(2);
    expect(workbook.getWorksheet('Каналы')?.getRow(2).getCell(1).value).toBe('Итого');
  });

  it("uses English headers for a user whose language is English, and a rep's own part only", async () => {
    const t = ctx();
    const me = await managerA.request('PATCH', '/api/me', { locale: 'en' });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    const workbook = await workbookOf((await download(t, managerA, planId)).rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Plan', 'Structure']);
    const structure = workbook.getWorksheet('Structure');
    expect(structure?.getCell('A1').value).toBe('Line');
    expect(structure?.getCell('A2').value).toBe('Anna Manager');
    expect(structure?.rowCount).toBe(2);
  });
  it('writes deals and margin exactly when the plan has those targets', async () => {
    const t = ctx();
    const plan = await createPlan(head, {
      name: 'Targets 2026',
      scopeUnitId: org.units.department,
      realistic: { basis: 'manual', amountMinor: 1_234_567_89 },
      dealsTarget: 101,
      marginTargetMinor: 3_333_333_37,
    });
    await decompose(head, plan);
    const workbook = await workbookOf((await download(t, head, plan.id)).rawPayload);
    const stored = await storedTree(t, org, plan.id);
    const summary = workbook.getWorksheet('План');
    if (!summary) throw new Error('no summary sheet');
    expect([summary?.getCell('A12').value, summary?.getCell('B12').value]).toEqual(['Сделки', 101]);
    expect(summary?.getCell('A13').value).toBe('Маржа');
    expect(minor(summary?.getCell('B13') as ExcelJS.Cell)).toBe(3_333_333_37);
    expect((summary.getRow(15).values as unknown[]).slice(7, 9)).toEqual(['Сделки', 'Маржа']);
    const root = stored.lines.find((line) => line.parent_line_id === null && line.dimension === 'structure');
    const rootMonths = stored.months.filter((m) => m.plan_line_id === root?.plan_line_id);
    rootMonths.forEach((month, m) => {
      const row = summary?.getRow(16 + m);
      expect(row?.getCell(7).value).toBe(month.deals);
      expect(minor(row?.getCell(8) as ExcelJS.Cell)).toBe(month.margin_minor);
      expect(row?.getCell(8).numFmt).toBe('#,##0.00');
    });

    for (const [sheetName, dimension] of [
      ['Структура', 'structure'],
      ['Каналы', 'channel'],
    ] as const) {
      const sheet = workbook.getWorksheet(sheetName);
      const header = sheet?.getRow(1).values as unknown[];
      expect(header.slice(17, 19)).toEqual(['Год: Сделки', 'Год: Маржа']);
      const lines = stored.lines.filter((line) => line.dimension === dimension);
      lines.forEach((line, i) => {
        const row = sheet?.getRow(i + 2);
        expect(row?.getCell(17).value, `${sheetName} row ${i + 2} deals`).toBe(line.deals);
        expect(minor(row?.getCell(18) as ExcelJS.Cell), `${sheetName} row ${i + 2} margin`).toBe(line.margin_minor);
      });
      expect(sheet?.getRow(2).getCell(17).value).toBe(101);
    }
  });
});
