import { ErrorBody } from '@pulse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestOrg, loginAs, type Session, type TestOrg } from '../../test/factories.ts';
import { describeEachDatabase, PINNED_NOW } from '../../test/server.ts';
import { newCompany, validInn } from './companies.factories.ts';

describeEachDatabase('companies: the 409 of an exact INN duplicate', (ctx) => {
  let org: TestOrg;
  let managerA: Session;
  let managerB: Session;

  beforeAll(async () => {
    const t = ctx();
    t.clock.now = PINNED_NOW;
    org = await createTestOrg(t);
    [managerA, managerB] = await Promise.all([
      loginAs(t, org.users.managerA.email),
      loginAs(t, org.users.managerB.email),
    ]);
  });

  describe('POST /api/companies', () => {
    it('lists every company with the INN on body.inn, in the contract’s error shape', async () => {
      const inn = validInn();
      const first = await newCompany(managerA, { name: 'Severstal Trade', inn });
      const second = await newCompany(managerB, { name: 'Severstal Trade (old)', inn, allowDuplicate: true });
      const res = await managerA.request('POST', '/api/companies', { name: 'Severstal', inn });
      expect(res.status).toBe(409);
      const error = ErrorBody.parse(res.body).error;
      expect(error.code).toBe('conflict');
      expect(error.details).toHaveLength(1);
      const [issue] = error.details ?? [];
      expect(issue?.path).toBe('body.inn');
      expect(issue?.duplicates?.map((d) => d.id).sort()).toEqual([first.id, second.id].sort());
      expect(issue?.duplicates?.find((d) => d.id === second.id)).toMatchObject({
        name: 'Severstal Trade (old)',
        reason: 'inn',
        ownerId: org.users.managerB.id,
        archived: false,
      });
    });
  });

  it('documents the duplicates of a field issue in the OpenAPI error schema', async () => {
    const res = await call(ctx(), 'GET', '/api/openapi.json');
    const issue = res.body.components.schemas.Error.properties.error.properties.details.items;
    expect(issue.required).toEqual(['path', 'message']);
    expect(issue.properties.duplicates.type).toBe('array');
    expect(issue.properties.duplicates.items.required).toEqual(expect.arrayContaining(['id', 'name', 'reasons']));
  });
});
