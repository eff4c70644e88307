import type { TestOrg } from './factories.ts';
import type { TestApp } from './server.ts';

/**
 * How the tenant-isolation test calls one route: organisation B's administrator sends this
 * request carrying organisation A's ids. `not_found` routes must answer 404; every response
 * must be free of A's ids, e-mails and the extra `secrets` the probe names.
 */
export interface ProbeRequest {
  url: string;
  body?: unknown;
  expect: 'not_found' | 'no_leak';
  /** Ids or texts of records the probe created in organisation A, which must not appear. */
  secrets?: string[];
}

/** A probe may first create records in organisation A (through `t`, as A's people). */
export type Probe = (a: TestOrg, t: TestApp) => ProbeRequest | Promise<ProbeRequest>;

/** Probes keyed `METHOD /url/:param`, exactly as the route is registered. */
export type Probes = Record<string, Probe>;
