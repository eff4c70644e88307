import { z } from 'zod';
import { Day, Email, Id, Locale, NonEmptyName, PageQuery, TimeZone } from './common.ts';
import { Role } from './roles.ts';

export const UnitKind = z.enum(['directorate', 'department', 'team']);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  kind: UnitKind,
  headUserId: Id.nullable(),
  memberCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const CreateUnitRequest = z
  .object({
    name: NonEmptyName,
    kind: UnitKind,
    parentId: Id.nullable().default(null),
    headUserId: Id.nullable().default(null),
  })
  .strict();
export const UpdateUnitRequest = z
  .object({ name: NonEmptyName, kind: UnitKind, parentId: Id.nullable(), headUserId: Id.nullable() })
  .partial()
  .strict();

export const User = z.object({
  id: Id,
  email: z.string(),
  fullName: z.string(),
  role: Role,
  unitId: Id.nullable(),
  managerId: Id.nullable(),
  hireDate: Day.nullable(),
  active: z.boolean(),
  locale: Locale,
  timeZone: z.string(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UsersQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
  unitId: Id.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
}).strict();

export const CreateUserRequest = z
  .object({
    email: Email,
    fullName: NonEmptyName,
    role: Role,
    unitId: Id.nullable().default(null),
    managerId: Id.nullable().default(null),
    hireDate: Day.nullable().default(null),
    locale: Locale.optional(),
    timeZone: TimeZone.optional(),
  })
  .strict();
export const UpdateUserRequest = z
  .object({
    fullName: NonEmptyName,
    role: Role,
    unitId: Id.nullable(),
    managerId: Id.nullable(),
    hireDate: Day.nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict();

/** The invitation link is shown once, to the admin who created it. */
export const Invitation = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() });
export type Invitation = z.infer<typeof Invitation>;
export const CreatedUser = z.object({ user: User, invitation: Invitation });
