import { z } from 'zod';
import { Currency, Email, Id, Locale, TimeZone } from './common.ts';
import { Role, ScopeKind, Section } from './roles.ts';

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(200) }).strict();

export const Password = z.string().min(10, 'At least 10 characters').max(200);
export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
  .strict();

export const Me = z.object({
  user: z.object({
    id: Id,
    email: z.string(),
    fullName: z.string(),
    role: Role,
    unitId: Id.nullable(),
    managerId: Id.nullable(),
    locale: Locale,
    timeZone: TimeZone,
  }),
  organization: z.object({ id: Id, name: z.string(), currency: Currency, timeZone: z.string(), locale: Locale }),
  scope: z.object({ kind: ScopeKind, unitIds: z.array(Id) }),
  sections: z.array(Section),
  permissions: z.object({
    manageStructure: z.boolean(),
    manageUsers: z.boolean(),
    manageOrganization: z.boolean(),
    manageCalendar: z.boolean(),
    viewAudit: z.boolean(),
  }),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeRequest = z
  .object({ fullName: z.string().trim().min(1).max(200), locale: Locale, timeZone: TimeZone })
  .partial()
  .strict();

export const InvitationToken = z.string().min(10).max(300);
export const InvitationPreview = z.object({ email: z.string(), fullName: z.string(), organization: z.string() });
export const AcceptInvitationRequest = z.object({ token: InvitationToken, password: Password }).strict();
