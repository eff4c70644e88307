import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW, type TestApp } from '../../test/server.ts';

/** Working days per month of 2026 in the official Russian production calendar (five-day week). */
const OFFICIAL_2026 = [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22];
const OFFICIAL_2025 = [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22];
const OFFICIAL_2027 = [15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22];
const MARCH_2026 = OFFICIAL_2026[2] as number;

type Response = { status: number; body: any };

function expectInvalid(res: Response, path: string): void {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
}

async function monthlyCounts(s: Session, year: number): Promise<number[]> {
  const res = await s.request('GET', `/api/calendar/summary?from=${year}-01-01&to=${year}-12-31`);
  expect(res.status).toBe(200);
  return res.body.months.map((m: { workingDays: number }) => m.workingDays);
}

async function workingDaysIn(s: Session, from: string, to: string): Promise<number> {
  const res = await s.request('GET', `/api/calendar/summary?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return res.body.workingDays;
}

/** An organisation of its own, for tests that edit the calendar. */
async function freshOrg(t: TestApp): Promise<{ org: TestOrg; admin: Session }> {
  const org = await createTestOrg(t);
  return { org, admin: await loginAs(t, org.users.admin.email) };
}

describeEachDatabase('calendar', (ctx) => {
  let org: TestOrg;
  let admin: Session;
  let manager: Session;
  let head: Session;
  beforeAll(async () => {
    org = await createTestOrg(ctx());
    admin = await loginAs(ctx(), org.users.admin.email);
    manager = await loginAs(ctx(), org.users.managerA.email);
    head = await loginAs(ctx(), org.users.head.email);
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  describe('GET /api/calendar', () => {
    it('answers 401 without a session', async () => {
      const res = await call(ctx(), 'GET', '/api/calendar');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });
    it('shows any role the Moscow Monday–Friday 09:00–18:00 calendar a Russian organisation starts with', async () => {
      const res = await manager.request('GET', '/api/calendar');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        timeZone: 'Europe/Moscow',
        workWeek: [1, 2, 3, 4, 5],
        businessHours: { start: '09:00', end: '18:00' },
        country: 'RU',
      });
    });
    it('rejects an unknown query parameter with 400', async () => {
      expectInvalid(await manager.request('GET', '/api/calendar?year=2026'), 'query.year');
    });
  });

  describe('PUT /api/calendar', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PUT', '/api/calendar', { workWeek: [1, 2, 3] })).status).toBe(401);
    });
    it('answers 403 to a head of sales and a commercial director and changes nothing', async () => {
      const director = await loginAs(ctx(), org.users.director.email);
      for (const s of [head, director]) {
        const res = await s.request('PUT', '/api/calendar', { workWeek: [1, 2, 3] });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect((await admin.request('GET', '/api/calendar')).body.workWeek).toEqual([1, 2, 3, 4, 5]);
    });
    it.each([
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'body.timeZone'],
      ['a time zone that is not a string', { timeZone: 3 }, 'body.timeZone'],
      ['a weekday twice', { workWeek: [1, 2, 2, 3] }, 'body.workWeek'],
      ['an empty working week', { workWeek: [] }, 'body.workWeek'],
      ['weekday 0', { workWeek: [0, 1] }, 'body.workWeek.0'],
      ['weekday 8', { workWeek: [1, 8] }, 'body.workWeek.1'],
      ['a fractional weekday', { workWeek: [1.5] }, 'body.workWeek.0'],
      ['a working week given as a string', { workWeek: '1-5' }, 'body.workWeek'],
      [
        'business hours starting at 25:00',
        { businessHours: { start: '25:00', end: '18:00' } },
        'body.businessHours.start',
      ],
      [
        'business hours ending at 9:00 (one digit)',
        { businessHours: { start: '08:00', end: '9:00' } },
        'body.businessHours.end',
      ],
      ['business hours missing the end', { businessHours: { start: '09:00' } }, 'body.businessHours.end'],
      [
        'business hours that start when they end',
        { businessHours: { start: '09:00', end: '09:00' } },
        'body.businessHours',
      ],
      [
        'an unknown field in business hours',
        { businessHours: { start: '09:00', end: '18:00', lunch: '13:00' } },
        'body.businessHours.lunch',
      ],
      ['an unknown field', { country: 'DE' }, 'body.country'],
    ])('rejects %s with 400', async (_name, body, path) => {
      expectInvalid(await admin.request('PUT', '/api/calendar', body), path);
    });
    it('rejects an invalid body without changing anything, even when other fields are valid', async () => {
      expectInvalid(
        await admin.request('PUT', '/api/calendar', { workWeek: [1, 2, 3, 4, 5, 6], timeZone: 'Mars/Olympus' }),
        'body.timeZone',
      );
      expect((await admin.request('GET', '/api/calendar')).body.workWeek).toEqual([1, 2, 3, 4, 5]);
    });
    it('changes the time zone, working week and hours; the week comes back sorted and GET shows it', async () => {
      const own = await freshOrg(ctx());
      const res = await own.admin.request('PUT', '/api/calendar', {
        timeZone: 'Asia/Vladivostok',
        workWeek: [6, 2, 1, 4, 3],
        businessHours: { start: '22:00', end: '06:00' },
      });
      expect(res.status).toBe(200);
      const expected = {
        timeZone: 'Asia/Vladivostok',
        workWeek: [1, 2, 3, 4, 6],
        businessHours: { start: '22:00', end: '06:00' },
        country: 'RU',
      };
      expect(res.body).toEqual(expected);
      expect((await own.admin.request('GET', '/api/calendar')).body).toEqual(expected);
    });
    it('keeps the fields a partial update leaves out', async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar', { businessHours: { start: '10:00', end: '19:00' } });
      const res = await own.admin.request('PUT', '/api/calendar', { timeZone: 'Europe/Samara' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        timeZone: 'Europe/Samara',
        workWeek: [1, 2, 3, 4, 5],
        businessHours: { start: '10:00', end: '19:00' },
      });
    });
    it('counts Saturdays as working days after the week becomes six days long, and Sundays still not', async () => {
      const own = await freshOrg(ctx());
      const res = await own.admin.request('PUT', '/api/calendar', { workWeek: [1, 2, 3, 4, 5, 6] });
      expect(res.status).toBe(200);
      // March and April 2026 each have four Saturdays, none of them a holiday.
      const counts = await monthlyCounts(own.admin, 2026);
      expect(counts[2]).toBe(MARCH_2026 + 4);
      expect(counts[3]).toBe((OFFICIAL_2026[3] as number) + 4);
      expect(await workingDaysIn(own.admin, '2026-03-07', '2026-03-08')).toBe(1);
      // Public holidays still rest: Monday 9 March stays a day off.
      expect(await workingDaysIn(own.admin, '2026-03-09', '2026-03-09')).toBe(0);
    });
    it("leaves other organisations' settings alone", async () => {
      const a = await freshOrg(ctx());
      const b = await freshOrg(ctx());
      await a.admin.request('PUT', '/api/calendar', { workWeek: [1, 2, 3, 4], timeZone: 'Asia/Vladivostok' });
      expect((await b.admin.request('GET', '/api/calendar')).body).toMatchObject({
        timeZone: 'Europe/Moscow',
        workWeek: [1, 2, 3, 4, 5],
      });
      expect(await monthlyCounts(b.admin, 2026)).toEqual(OFFICIAL_2026);
    });
  });

  describe('GET /api/calendar/days', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/calendar/days?year=2026')).status).toBe(401);
    });
    it("lists 2026's 14 official holidays and 4 short days, in order, to any role", async () => {
      const res = await manager.request('GET', '/api/calendar/days?year=2026');
      expect(res.status).toBe(200);
      const items: { day: string; kind: string; name: string }[] = res.body.items;
      expect(items.filter((d) => d.kind === 'holiday')).toHaveLength(14);
      expect(items.filter((d) => d.kind === 'short').map((d) => d.day)).toEqual([
        '2026-04-30',
        '2026-05-08',
        '2026-06-11',
        '2026-11-03',
      ]);
      expect(items.filter((d) => d.kind === 'working')).toEqual([]);
      expect(items.map((d) => d.day)).toEqual(items.map((d) => d.day).sort());
      expect(items).toContainEqual({ day: '2026-01-07', kind: 'holiday', name: 'Рождество Христово' });
      expect(items).toContainEqual({
        day: '2026-12-31',
        kind: 'holiday',
        name: 'Выходной день, перенесённый с воскресенья 4 января',
      });
    });
    it('lists only the year asked for', async () => {
      const items: { day: string }[] = (await manager.request('GET', '/api/calendar/days?year=2025')).body.items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((d) => d.day.startsWith('2025-'))).toBe(true);
    });
    it('stores the transferred working Saturday 1 November 2025, also shortened, once as a short day', async () => {
      const items = (await manager.request('GET', '/api/calendar/days?year=2025')).body.items;
      expect(items.filter((d: { day: string }) => d.day === '2025-11-01')).toEqual([
        { day: '2025-11-01', kind: 'short', name: 'Рабочий день, выходной перенесён на понедельник 3 ноября' },
      ]);
    });
    it('answers an empty list for a year with no shipped calendar', async () => {
      const res = await manager.request('GET', '/api/calendar/days?year=2031');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    });
    it.each([
      ['a year that is not a number', 'year=abc'],
      ['a fractional year', 'year=2026.5'],
      ['a year before 2000', 'year=1999'],
      ['a year after 2100', 'year=2101'],
      ['a missing year', ''],
    ])('rejects %s with 400 on query.year', async (_name, query) => {
      expectInvalid(await manager.request('GET', `/api/calendar/days?${query}`), 'query.year');
    });
    it('rejects an unknown query parameter with 400', async () => {
      expectInvalid(await manager.request('GET', '/api/calendar/days?year=2026&month=3'), 'query.month');
    });
  });

  describe('PUT /api/calendar/days/:day', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' })).status).toBe(401);
    });
    it('answers 403 to a sales manager, a head of sales and an analyst and leaves the day alone', async () => {
      const analyst = await loginAs(ctx(), org.users.analyst.email);
      for (const s of [manager, head, analyst]) {
        const res = await s.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday', name: 'Party' });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect(await workingDaysIn(admin, '2026-03-10', '2026-03-10')).toBe(1);
    });
    it.each([
      ['30 February', '2026-02-30', 'params.day'],
      ['29 February of a common year', '2026-02-29', 'params.day'],
      ['a word', 'abc', 'params.day'],
      ['an unpadded date', '2026-3-9', 'params.day'],
      ['month 13', '2026-13-01', 'params.day'],
      ['year 0, which PostgreSQL has no dates in (was a 500)', '0000-01-01', 'params.day'],
      ['a day before 2000, which no year listing could show', '1999-12-31', 'params.day'],
      ['a day after 2100', '2101-01-01', 'params.day'],
    ])('rejects %s as the day with 400', async (_name, day, path) => {
      expectInvalid(await admin.request('PUT', `/api/calendar/days/${day}`, { kind: 'holiday' }), path);
    });
    it.each([
      ['an unknown kind', { kind: 'vacation' }, 'body.kind'],
      ['a missing kind', { name: 'Party' }, 'body.kind'],
      ['a name that is not a string', { kind: 'holiday', name: 42 }, 'body.name'],
      ['a name longer than 200 characters', { kind: 'holiday', name: 'x'.repeat(201) }, 'body.name'],
      [
        'a name with a NUL character, which PostgreSQL cannot store (was a 500)',
        { kind: 'holiday', name: 'a\u0000b' },
        'body.name',
      ],
      ['an unknown field', { kind: 'holiday', hours: 7 }, 'body.hours'],
    ])('rejects %s with 400', async (_name, body, path) => {
      expectInvalid(await admin.request('PUT', '/api/calendar/days/2026-03-10', body), path);
    });
    it('marks a weekday a holiday: that month loses one working day, the other months keep theirs', async () => {
      const own = await freshOrg(ctx());
      const res = await own.admin.request('PUT', '/api/calendar/days/2026-03-10', {
        kind: 'holiday',
        name: '  Company day  ',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ day: '2026-03-10', kind: 'holiday', name: 'Company day' });
      const expected = [...OFFICIAL_2026];
      expected[2] = MARCH_2026 - 1;
      expect(await monthlyCounts(own.admin, 2026)).toEqual(expected);
      const days = (await own.admin.request('GET', '/api/calendar/days?year=2026')).body.items;
      expect(days).toContainEqual({ day: '2026-03-10', kind: 'holiday', name: 'Company day' });
    });
    it('marks a Saturday a working day: that month gains one', async () => {
      const own = await freshOrg(ctx());
      const res = await own.admin.request('PUT', '/api/calendar/days/2026-03-14', { kind: 'working' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ day: '2026-03-14', kind: 'working', name: '' });
      expect((await monthlyCounts(own.admin, 2026))[2]).toBe(MARCH_2026 + 1);
    });
    it('counts a shortened Saturday as a working day too', async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar/days/2026-03-21', { kind: 'short' });
      expect((await monthlyCounts(own.admin, 2026))[2]).toBe(MARCH_2026 + 1);
    });
    it('replaces an existing entry: the official holiday of 9 March becomes a working day', async () => {
      const own = await freshOrg(ctx());
      const res = await own.admin.request('PUT', '/api/calendar/days/2026-03-09', { kind: 'working', name: 'Worked' });
      expect(res.status).toBe(200);
      const days = (await own.admin.request('GET', '/api/calendar/days?year=2026')).body.items;
      expect(days.filter((d: { day: string }) => d.day === '2026-03-09')).toEqual([
        { day: '2026-03-09', kind: 'working', name: 'Worked' },
      ]);
      expect((await monthlyCounts(own.admin, 2026))[2]).toBe(MARCH_2026 + 1);
    });
  });

  describe('DELETE /api/calendar/days/:day', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'DELETE', '/api/calendar/days/2026-02-23')).status).toBe(401);
    });
    it('answers 403 to a sales manager and keeps the holiday', async () => {
      const res = await manager.request('DELETE', '/api/calendar/days/2026-02-23');
      expect(res.status).toBe(403);
      expect(await workingDaysIn(admin, '2026-02-23', '2026-02-23')).toBe(0);
    });
    it.each([
      ['30 February', '2026-02-30'],
      ['a word', 'abc'],
      ['year 0 (was a 500)', '0000-01-01'],
    ])('rejects %s as the day with 400', async (_name, day) => {
      expectInvalid(await admin.request('DELETE', `/api/calendar/days/${day}`), 'params.day');
    });
    it('answers 404 for a day that has no entry', async () => {
      const res = await admin.request('DELETE', '/api/calendar/days/2026-03-11');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    });
    it('clears a holiday the administrator added and the month gets its working day back', async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' });
      expect((await monthlyCounts(own.admin, 2026))[2]).toBe(MARCH_2026 - 1);
      const res = await own.admin.request('DELETE', '/api/calendar/days/2026-03-10');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      expect(await monthlyCounts(own.admin, 2026)).toEqual(OFFICIAL_2026);
      expect((await own.admin.request('DELETE', '/api/calendar/days/2026-03-10')).status).toBe(404);
    });
    it('clears an official holiday back to the plain working week (23 February becomes a Monday at work)', async () => {
      const own = await freshOrg(ctx());
      expect((await own.admin.request('DELETE', '/api/calendar/days/2026-02-23')).status).toBe(200);
      expect((await monthlyCounts(own.admin, 2026))[1]).toBe((OFFICIAL_2026[1] as number) + 1);
    });
    it("cannot clear another organisation's entry: 404, and the entry stays", async () => {
      const a = await freshOrg(ctx());
      const b = await freshOrg(ctx());
      await a.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' });
      expect((await b.admin.request('DELETE', '/api/calendar/days/2026-03-10')).status).toBe(404);
      expect(await workingDaysIn(a.admin, '2026-03-10', '2026-03-10')).toBe(0);
    });
  });

  describe('POST /api/calendar/reset', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'POST', '/api/calendar/reset', { year: 2026 })).status).toBe(401);
    });
    it('answers 403 to a head of sales', async () => {
      const res = await head.request('POST', '/api/calendar/reset', { year: 2026 });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });
    it.each([
      ['a year as a string', { year: '2026' }],
      ['a fractional year', { year: 2026.5 }],
      ['a year before 2000', { year: 1999 }],
      ['a year after 2100', { year: 2101 }],
      ['a missing year', {}],
    ])('rejects %s with 400 on body.year', async (_name, body) => {
      expectInvalid(await admin.request('POST', '/api/calendar/reset', body), 'body.year');
    });
    it('rejects an unknown field with 400', async () => {
      expectInvalid(await admin.request('POST', '/api/calendar/reset', { year: 2026, country: 'RU' }), 'body.country');
    });
    it.each([2031, 2024])('answers 422 for %i, a year Pulse ships no production calendar for', async (year) => {
      const res = await admin.request('POST', '/api/calendar/reset', { year });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('unprocessable');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.year']);
    });
    it('keeps edits to a year it cannot reset', async () => {
      const own = await freshOrg(ctx());
      await own.admin.request('PUT', '/api/calendar/days/2031-03-10', { kind: 'holiday' });
      expect((await own.admin.request('POST', '/api/calendar/reset', { year: 2031 })).status).toBe(422);
      expect((await own.admin.request('GET', '/api/calendar/days?year=2031')).body.items).toHaveLength(1);
    });
    it('restores the official year after edits, and leaves edits to other years alone', async () => {
      const own = await freshOrg(ctx());
      const official = (await own.admin.request('GET', '/api/calendar/days?year=2026')).body.items;
      await own.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday' });
      await own.admin.request('PUT', '/api/calendar/days/2026-03-14', { kind: 'working' });
      await own.admin.request('PUT', '/api/calendar/days/2026-01-07', { kind: 'working', name: 'renamed' });
      await own.admin.request('DELETE', '/api/calendar/days/2026-02-23');
      await own.admin.request('PUT', '/api/calendar/days/2027-03-10', { kind: 'holiday' });
      expect(await monthlyCounts(own.admin, 2026)).not.toEqual(OFFICIAL_2026);

      const res = await own.admin.request('POST', '/api/calendar/reset', { year: 2026 });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual(official);
      expect((await own.admin.request('GET', '/api/calendar/days?year=2026')).body.items).toEqual(official);
      expect(await monthlyCounts(own.admin, 2026)).toEqual(OFFICIAL_2026);
      expect(await workingDaysIn(own.admin, '2027-03-10', '2027-03-10')).toBe(0);
    });
  });

  describe('GET /api/calendar/summary', () => {
    it('answers 401 without a session', async () => {
      expect((await call(ctx(), 'GET', '/api/calendar/summary?from=2026-01-01&to=2026-12-31')).status).toBe(401);
    });
    it('gives 2026 exactly as the official production calendar: 247 working days, month by month', async () => {
      const res = await manager.request('GET', '/api/calendar/summary?from=2026-01-01&to=2026-12-31');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-12-31', workingDays: 247, calendarDays: 365 });
      expect(res.body.months).toEqual(
        OFFICIAL_2026.map((workingDays, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, workingDays })),
      );
    });
    it('gives 2025 and 2027 as the official production calendar too', async () => {
      expect(await monthlyCounts(manager, 2025)).toEqual(OFFICIAL_2025);
      expect(await monthlyCounts(manager, 2027)).toEqual(OFFICIAL_2027);
    });
    it('counts part of a month: 2–15 March 2026 has 9 working days (9 March is off)', async () => {
      const res = await manager.request('GET', '/api/calendar/summary?from=2026-03-02&to=2026-03-15');
      expect(res.body).toEqual({
        from: '2026-03-02',
        to: '2026-03-15',
        workingDays: 9,
        calendarDays: 14,
        months: [{ month: '2026-03', workingDays: 9 }],
      });
    });
    it('splits a range across the new year by month (31 December 2025 is off)', async () => {
      const res = await manager.request('GET', '/api/calendar/summary?from=2025-12-29&to=2026-01-12');
      expect(res.body.workingDays).toBe(3);
      expect(res.body.months).toEqual([
        { month: '2025-12', workingDays: 2 },
        { month: '2026-01', workingDays: 1 },
      ]);
    });
    it('lists each month once across a century boundary: December 2099 and January 2100', async () => {
      const res = await manager.request('GET', '/api/calendar/summary?from=2099-12-01&to=2100-01-31');
      expect(res.status).toBe(200);
      expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2099-12', '2100-01']);
      const sum = res.body.months.reduce((n: number, m: { workingDays: number }) => n + m.workingDays, 0);
      expect(sum).toBe(res.body.workingDays);
    });
    it.each([
      ['year 0099', 'from=0099-12-01&to=0100-01-31', 'query.from'],
      ['year 9999', 'from=9999-12-01&to=9999-12-31', 'query.from'],
    ])('refuses a day in %s (outside 1900–2199) with 400, never a long loop', async (_name, query, path) => {
      expectInvalid(await manager.request('GET', `/api/calendar/summary?${query}`), path);
    });
    it('counts a single day, and a weekend day as none', async () => {
      expect(await workingDaysIn(manager, '2026-03-02', '2026-03-02')).toBe(1);
      expect(await workingDaysIn(manager, '2026-03-01', '2026-03-01')).toBe(0);
    });
    it('accepts a range of exactly 1098 days (three leap years)', async () => {
      const res = await manager.request('GET', '/api/calendar/summary?from=2025-01-01&to=2028-01-03');
      expect(res.status).toBe(200);
      expect(res.body.calendarDays).toBe(1098);
      expect(res.body.months).toHaveLength(37);
    });
    it('answers 422 for a range one day longer than the limit', async () => {
      const res = await manager.request('GET', '/api/calendar/summary?from=2025-01-01&to=2028-01-04');
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('unprocessable');
      expect(res.body.error.details[0].path).toBe('query.to');
    });
    it('answers 422 for a range that ends before it starts', async () => {
      const res = await manager.request('GET', '/api/calendar/summary?from=2026-03-02&to=2026-03-01');
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('unprocessable');
      expect(res.body.error.details[0].path).toBe('query.to');
    });
    it.each([
      ['a from of 30 February', 'from=2026-02-30&to=2026-03-31', 'query.from'],
      ['a to that is a word', 'from=2026-01-01&to=abc', 'query.to'],
      ['a from with a time', 'from=2026-01-01T00:00:00Z&to=2026-01-31', 'query.from'],
      ['a missing to', 'from=2026-01-01', 'query.to'],
      ['an unknown parameter', 'from=2026-01-01&to=2026-01-31&unit=x', 'query.unit'],
    ])('rejects %s with 400', async (_name, query, path) => {
      expectInvalid(await manager.request('GET', `/api/calendar/summary?${query}`), path);
    });
  });

  describe('tenant isolation', () => {
    it("keeps one organisation's day edits and reset out of another's calendar", async () => {
      const a = await freshOrg(ctx());
      const b = await freshOrg(ctx());
      const bDays = (await b.admin.request('GET', '/api/calendar/days?year=2026')).body.items;
      await a.admin.request('PUT', '/api/calendar/days/2026-03-10', { kind: 'holiday', name: 'A only' });
      await a.admin.request('PUT', '/api/calendar/days/2026-03-14', { kind: 'working' });
      await a.admin.request('DELETE', '/api/calendar/days/2026-02-23');
      // February gains 23 February back; March loses the 10th and gains Saturday the 14th.
      expect((await monthlyCounts(a.admin, 2026)).slice(1, 3)).toEqual([(OFFICIAL_2026[1] as number) + 1, MARCH_2026]);
      expect(await workingDaysIn(a.admin, '2026-03-10', '2026-03-10')).toBe(0);
      expect(await monthlyCounts(b.admin, 2026)).toEqual(OFFICIAL_2026);
      expect((await b.admin.request('GET', '/api/calendar/days?year=2026')).body.items).toEqual(bDays);

      await b.admin.request('PUT', '/api/calendar/days/2026-04-01', { kind: 'holiday' });
      await b.admin.request('POST', '/api/calendar/reset', { year: 2026 });
      expect(await workingDaysIn(a.admin, '2026-03-10', '2026-03-10')).toBe(0);
      expect(await workingDaysIn(a.admin, '2026-03-14', '2026-03-14')).toBe(1);
      expect(await workingDaysIn(a.admin, '2026-02-23', '2026-02-23')).toBe(1);
    });
  });
});
