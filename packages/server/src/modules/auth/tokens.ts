import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for cookies and invitation links (256 bits, URL-safe). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored: a database leak must not yield working sessions. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A compound token `<orgId>.<recordId>.<secret>`: the organisation and record let the server
 * find the row with its primary key (on one shard), the secret proves possession.
 */
export function composeToken(orgId: string, recordId: string, secret: string): string {
  return `${orgId}.${recordId}.${secret}`;
}
export function parseToken(token: string): { orgId: string; recordId: string; secret: string } | null {
  const [orgId, recordId, secret, extra] = token.split('.');
  if (!orgId || !recordId || !secret || extra !== undefined) return null;
  if (!UUID.test(orgId) || !UUID.test(recordId) || secret.length < 20) return null;
  return { orgId, recordId, secret };
}
