import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { addLeadGenerator, handedOffLead, ids, newLead, paths, qualifiedLead } from './leads.factories.ts';

/** Walks every page of a list query, failing on any page that is not a 200. */
async function walk(session: Session, query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/leads?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await session.request('GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...ids(res.body));
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return seen;
}

describeEachDatabase('leads: list', (ctx) => {
  let org: TestOrg;
  let rival: TestOrg;
  let admin: Session;
  let head: Session;
  let otherHead: Session;
  let managerA: Session;
  let managerB: Session;
  let leadGen: Session;
  let leadGenId: string;
  let otherLeadGen: Session;
  let rivalAdmin: Session;
  /** A fixed set of leads with distinct arrivals, one minute apart, oldest first. */
  let seeded: any[];
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t, 'Lead list org');
    rival = await createTestOrg(t, 'Lead list rival');
    const lg = await addLeadGenerator(t, org);
    leadGen = lg.session;
    leadGenId = lg.id;
    otherLeadGen = (await addLeadGenerator(t, org, org.units.otherDepartment)).session;
    [admin, head, otherHead, managerA, managerB, rivalAdmin] = await Promise.all([
      loginAs(t, org.users.admin.email),
      loginAs(t, org.users.head.email),
      loginAs(t, org.users.otherHead.email),
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
      loginAs(t, rival.users.admin.email),
    ]);
    const at = (minutes: number) => new Date(PINNED_NOW.getTime() - minutes * 60_000).toISOString();
    seeded = [];
    seeded.push(
      await newLead(leadGen, {
        title: `${tag} Склад в Твери`,
        source: 'web_form',
        companyName: 'ООО Альфа',
        phone: '+7 916 555-12-34',
        arrivedAt: at(50),
        unitId: org.units.teamA,
      }),
    );
    seeded.push(
      await newLead(leadGen, {
        title: `${tag} Office chairs`,
        source: 'referral',
        contactName: 'Пётр Сидоров',
        email: 'petr@beta.example',
        arrivedAt: at(40),
        unitId: org.units.teamB,
      }),
    );
    seeded.push(
      await newLead(otherLeadGen, {
        title: `${tag} 100%_discount request`,
        source: 'email',
        arrivedAt: at(30),
        unitId: org.units.otherDepartment,
      }),
    );
    seeded.push(await qualifiedLead(leadGen, { title: `${tag} Qualified one`, source: 'event', arrivedAt: at(20) }));
    seeded.push(await handedOffLead(head, org.users.managerA.id, { title: `${tag} For Anna`, arrivedAt: at(10) }));
    await newLead(rivalAdmin, { title: `${tag} Rival lead`, source: 'web_form' });
  });
  beforeEach(() => {
    ctx().clock.now = PINNED_NOW;
  });

  const mine = (body: any) => ids(body).filter((id) => seeded.some((l) => l.id === id));

  it('answers 401 without a session', async () => {
    expect((await call(ctx(), 'GET', '/api/leads')).status).toBe(401);
  });
  it('rejects malformed filters, sorts and cursors with 400 naming each parameter', async () => {
    const res = await admin.request(
      'GET',
      '/api/leads?status=hot&source=tv&sort=name&order=up&limit=0&assigneeId=me&waiting=late&arrivedFrom=yesterday&x=1',
    );
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(
      expect.arrayContaining([
        'query.status',
        'query.source',
        'query.sort',
        'query.order',
        'query.limit',
        'query.assigneeId',
        'query.waiting',
        'query.arrivedFrom',
        'query.x',
      ]),
    );
    const cursor = await admin.request('GET', '/api/leads?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(paths(cursor.body)).toEqual(['query.cursor']);
  });
  it('lists newest arrivals first by default, oldest first with order=asc, presenting each lead', async () => {
    const desc = await admin.request('GET', `/api/leads?q=${tag}&limit=200`);
    expect(desc.status).toBe(200);
    expect(mine(desc.body)).toEqual(seeded.map((l) => l.id).reverse());
    const asc = await admin.request('GET', `/api/leads?q=${tag}&order=asc&limit=200`);
    expect(mine(asc.body)).toEqual(seeded.map((l) => l.id));
    expect(desc.body.items[0]).toMatchObject({ status: 'handed_off', assignee: { id: org.users.managerA.id } });
    expect(desc.body.items[0]).not.toHaveProperty('qualification');
  });
  it('walks every page with limit=2, each lead once, in both sorts', async () => {
    for (const sort of ['arrived', 'updated']) {
      const all = (await admin.request('GET', `/api/leads?q=${tag}&sort=${sort}&limit=200`)).body;
      const walked = await walk(admin, `q=${tag}&sort=${sort}&limit=2`);
      expect(walked).toEqual(ids(all));
      expect(new Set(walked).size).toBe(seeded.length);
    }
  });
  it('sorts by last change', async () => {
    const edited = seeded[0];
    ctx().clock.now = new Date(PINNED_NOW.getTime() + 60_000);
    const res = await leadGen.request('PATCH', `/api/leads/${edited.id}`, {
      notes: 'touched',
      version: edited.version,
    });
    expect(res.status).toBe(200);
    seeded[0] = res.body;
    const list = await admin.request('GET', `/api/leads?q=${tag}&sort=updated&order=desc`);
    expect(ids(list.body)[0]).toBe(edited.id);
  });
  it('searches title, company, contact, e-mail and phone in any case and format, % and _ literally', async () => {
    const search = async (q: string) =>
      mine((await admin.request('GET', `/api/leads?q=${encodeURIComponent(q)}`)).body);
    expect(await search('склад В ТВЕРИ')).toEqual([seeded[0].id]);
    expect(await search('альфа')).toEqual([seeded[0].id]);
    expect(await search('сидоров')).toEqual([seeded[1].id]);
    expect(await search('PETR@BETA')).toEqual([seeded[1].id]);
    expect(await search('8 (916) 555-12-34')).toEqual([seeded[0].id]);
    expect(await search('5551234')).toEqual([seeded[0].id]);
    expect(await search('100%_d')).toEqual([seeded[2].id]);
    expect(await search('%')).toEqual([seeded[2].id]);
  });
  it('filters by status, source, unit, assignee, qualifier and arrival range', async () => {
    const filter = async (query: string) => mine((await admin.request('GET', `/api/leads?q=${tag}&${query}`)).body);
    expect(await filter('status=qualified')).toEqual([seeded[3].id]);
    expect(await filter('source=referral')).toEqual([seeded[1].id]);
    expect(await filter(`unitId=${org.units.teamB}`)).toEqual([seeded[1].id]);
    expect(await filter(`assigneeId=${org.users.managerA.id}`)).toEqual([seeded[4].id]);
    expect((await filter(`qualifierId=${leadGenId}`)).sort()).toEqual(
      [seeded[0].id, seeded[1].id, seeded[3].id].sort(),
    );
    const from = new Date(PINNED_NOW.getTime() - 40 * 60_000).toISOString();
    const to = new Date(PINNED_NOW.getTime() - 20 * 60_000).toISOString();
    expect(await filter(`arrivedFrom=${from}&arrivedTo=${to}&order=asc`)).toEqual([seeded[1].id, seeded[2].id]);
  });
  it('filters by taker: the assignee, or the qualifier only of a lead that has no assignee', async () => {
    const filter = async (query: string) => mine((await admin.request('GET', `/api/leads?q=${tag}&${query}`)).body);
    // The head qualified the lead handed to Anna: the head is its qualifier, Anna its taker.
    expect(await filter(`qualifierId=${org.users.head.id}`)).toEqual([seeded[4].id]);
    expect(await filter(`takerId=${org.users.head.id}`)).toEqual([]);
    expect(await filter(`takerId=${org.users.managerA.id}`)).toEqual([seeded[4].id]);
    expect((await filter(`takerId=${leadGenId}`)).sort()).toEqual([seeded[0].id, seeded[1].id, seeded[3].id].sort());
    expect(await filter(`takerId=${leadGenId}&status=qualified`)).toEqual([seeded[3].id]);
    // The filter narrows the caller's scope and never widens it.
    const seenBy = async (session: Session) =>
      mine((await session.request('GET', `/api/leads?q=${tag}&takerId=${leadGenId}`)).body);
    expect(await seenBy(managerB)).toEqual([]);
    expect(await seenBy(rivalAdmin)).toEqual([]);
    const bad = await admin.request('GET', '/api/leads?takerId=me');
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['query.takerId']);
  });
  it('filters by when a lead was handed off and first touched, from included and to excluded', async () => {
    const filter = async (query: string) => mine((await admin.request('GET', `/api/leads?q=${tag}&${query}`)).body);
    const handedOff = seeded[4].handedOffAt as string;
    const shift = (iso: string, ms: number) => encodeURIComponent(new Date(Date.parse(iso) + ms).toISOString());
    expect(await filter(`handedOffFrom=${shift(handedOff, 0)}&handedOffTo=${shift(handedOff, 1)}`)).toEqual([
      seeded[4].id,
    ]);
    expect(await filter(`handedOffFrom=${shift(handedOff, 1)}`)).toEqual([]);
    expect(await filter(`handedOffTo=${shift(handedOff, 0)}`)).toEqual([]);
    const touched = seeded.filter((lead) => lead.firstTouchAt !== null);
    for (const lead of touched) {
      expect(
        await filter(`touchedFrom=${shift(lead.firstTouchAt, 0)}&touchedTo=${shift(lead.firstTouchAt, 1)}`),
      ).toContain(lead.id);
    }
    expect(await filter(`touchedFrom=${shift(PINNED_NOW.toISOString(), 86_400_000)}`)).toEqual([]);
    expect((await admin.request('GET', '/api/leads?touchedFrom=soon')).status).toBe(400);
  });
  it('keeps each person to their scope', async () => {
    const seen = async (session: Session) => mine((await session.request('GET', `/api/leads?q=${tag}&limit=200`)).body);
    expect(await seen(managerA)).toEqual([seeded[4].id]);
    expect(await seen(managerB)).toEqual([]);
    expect((await seen(leadGen)).sort()).toEqual([seeded[0].id, seeded[1].id, seeded[3].id].sort());
    expect(await seen(otherLeadGen)).toEqual([seeded[2].id]);
    expect((await seen(head)).sort()).toEqual([seeded[0].id, seeded[1].id, seeded[3].id, seeded[4].id].sort());
    expect(await seen(otherHead)).toEqual([seeded[2].id]);
    expect(await seen(admin)).toHaveLength(seeded.length);
  });
  it("never shows another organisation's leads, even filtered by their ids", async () => {
    const res = await admin.request('GET', `/api/leads?q=${tag}&limit=200`);
    expect(JSON.stringify(res.body)).not.toContain('Rival lead');
    const byTheirUnit = await admin.request('GET', `/api/leads?unitId=${rival.units.teamA}`);
    expect(byTheirUnit.body.items).toEqual([]);
    const theirs = await rivalAdmin.request('GET', `/api/leads?q=${tag}`);
    expect(theirs.body.items.map((l: { title: string }) => l.title)).toEqual([`${tag} Rival lead`]);
  });
});
