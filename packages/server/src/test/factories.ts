import type { Role } from '@pulse/contracts';
import argon2 from 'argon2';
import { expect } from 'vitest';
import type { z } from 'zod';
import { withOrg } from '../db/tenant.ts';
import { createOrganization } from '../modules/organizations/create-organization.ts';
import type { TestApp } from './server.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | null = null;
/**
 * argon2 is slow on purpose; test users get a cheap argon2id hash (verification reads the cost
 * from the hash itself, so the production path is exercised unchanged).
 */
function testPasswordHash(): Promise<string> {
  passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return passwordHash;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++sequence}-${Math.random().toString(36).slice(2, 7)}`;

/** An organisation shaped like a real department: directorate → department → two teams. */
export interface TestOrg {
  orgId: string;
  units: { directorate: string; department: string; teamA: string; teamB: string; otherDepartment: string };
  users: Record<
    'admin' | 'director' | 'head' | 'managerA' | 'managerB' | 'otherHead' | 'otherManager' | 'analyst',
    { id: string; email: string }
  >;
}

export async function createTestOrg(t: TestApp, name = 'Test org'): Promise<TestOrg> {
  const hash = await testPasswordHash();
  const tag = unique('org');
  const adminEmail = `admin-${tag}@example.test`;
  const { orgId, adminUserId } = await createOrganization(t.deps.db, {
    name: `${name} ${tag}`,
    admin: { email: adminEmail, fullName: 'Admin Adminov', password: null, passwordHash: hash },
    now: t.clock.now,
  });
  return withOrg(t.deps.db, orgId, async (tx) => {
    const unit = async (unitName: string, kind: string, parentId: string | null) =>
      (
        await tx
          .insertInto('units')
          .values({ org_id: orgId, name: unitName, kind, parent_id: parentId, head_user_id: null })
          .returning('unit_id')
          .executeTakeFirstOrThrow()
      ).unit_id;
    const directorate = await unit('Directorate', 'directorate', null);
    const department = await unit('Sales Moscow', 'department', directorate);
    const teamA = await unit('Team A', 'team', department);
    const teamB = await unit('Team B', 'team', department);
    const otherDepartment = await unit('Sales Regions', 'department', directorate);
    const user = async (key: string, fullName: string, role: Role, unitId: string | null, managerId: string | null) => {
      const email = `${key}-${tag}@example.test`;
      const row = await tx
        .insertInto('users')
        .values({
          org_id: orgId,
          email,
          full_name: fullName,
          role,
          unit_id: unitId,
          manager_id: managerId,
          hire_date: '2025-01-15',
          password_hash: hash,
        })
        .returning('user_id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('user_logins').values({ email, org_id: orgId, user_id: row.user_id }).execute();
      return { id: row.user_id, email };
    };
    const director = await user('director', 'Daria Director', 'commercial_director', directorate, null);
    const head = await user('head', 'Hector Head', 'head_of_sales', department, director.id);
    const managerA = await user('manager-a', 'Anna Manager', 'sales_manager', teamA, head.id);
    const managerB = await user('manager-b', 'Boris Manager', 'sales_manager', teamB, head.id);
    const otherHead = await user('other-head', 'Olga Otherhead', 'head_of_sales', otherDepartment, director.id);
    const otherManager = await user(
      'other-manager',
      'Oleg Othermanager',
      'sales_manager',
      otherDepartment,
      otherHead.id,
    );
    const analyst = await user('analyst', 'Alla Analyst', 'analyst', directorate, director.id);
    for (const [unitId, headId] of [
      [directorate, director.id],
      [department, head.id],
      [otherDepartment, otherHead.id],
    ] as const) {
      await tx
        .updateTable('units')
        .set({ head_user_id: headId })
        .where('org_id', '=', orgId)
        .where('unit_id', '=', unitId)
        .execute();
    }
    return {
      orgId,
      units: { directorate, department, teamA, teamB, otherDepartment },
      users: {
        admin: { id: adminUserId, email: adminEmail },
        director,
        head,
        managerA,
        managerB,
        otherHead,
        otherManager,
        analyst,
      },
    };
  });
}

/** A response exactly as the server sent it: the status and the parsed JSON, of no known shape. */
export interface RawResponse {
  status: number;
  body: unknown;
}

/**
 * The body of an ad-hoc request (`Session.request`, `call`) as a test reads it. It is loose on purpose and the only
 * loose type in the test helpers: tests assert on responses of every shape field by field
 * (`res.body.items[0].id`, `expect(res.body.status).toBe(…)`), and any stricter type (`unknown`,
 * a recursive JSON type) would need a cast or a schema on each of hundreds of such lines while
 * checking nothing more: the assertion itself is the check. Factories that create or read records
 * do not pass it on: they parse the body with the contract's schema (`expectBody`) and return the
 * contract's type, so a factory fails loudly when the API answers another shape.
 */
export type TestBody = any;

/** A response to an ad-hoc test request: see `TestBody`. */
export interface TestResponse {
  status: number;
  body: TestBody;
}

/** A logged-in client: sends the session cookie, and the CSRF header on state-changing calls. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown): Promise<TestResponse>;
}

/**
 * Expects `status` and returns the body parsed with the contract's schema: the helper factories
 * use to return a precise type, failing with the body in the message when the API answers another
 * status or shape.
 */
export function expectBody<S extends z.ZodType>(res: RawResponse, status: number, schema: S): z.output<S> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) {
    throw new Error(`the response does not match the contract: ${parsed.error.message}\n${JSON.stringify(res.body)}`);
  }
  return parsed.data;
}

export async function loginAs(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'pulse_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `pulse_session=${setCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    request: (method, url, body) => call(t, method, url, body, { cookie, csrfToken }),
  };
}

/** One request, optionally as a session; returns status and parsed JSON (or the text when it is not JSON). */
export async function call(
  t: TestApp,
  method: string,
  url: string,
  body?: unknown,
  session?: { cookie: string; csrfToken: string },
): Promise<TestResponse> {
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
  });
  const text = response.body;
  return { status: response.statusCode, body: text ? safeJson(text) : null };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
