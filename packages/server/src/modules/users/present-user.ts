import type { User } from '@pulse/contracts';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../../db/schema.ts';

export type UserRow = Selectable<UsersTable>;

/** The API form of a user row; never includes the password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: row.user_id,
    email: row.email,
    fullName: row.full_name,
    role: row.role as User['role'],
    unitId: row.unit_id,
    managerId: row.manager_id,
    hireDate: row.hire_date,
    active: row.active,
    locale: row.locale === 'en' ? 'en' : 'ru',
    timeZone: row.time_zone,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The audited fields of a user: what an admin would want to see changed. Named as in the API
 * (like a unit's audit and the web's `audit.fields` labels), never the password hash itself.
 */
export function auditedUser(row: UserRow): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, ...fields } = presentUser(row);
  return { ...fields, password: row.password_hash ? 'set' : null };
}
