import type { Role } from '@pulse/contracts';
import type { Scope } from '@pulse/domain';

/** The logged-in user a request acts as, with the reach of their role. */
export interface Actor {
  orgId: string;
  userId: string;
  sessionId: string;
  csrfToken: string;
  role: Role;
  email: string;
  fullName: string;
  unitId: string | null;
  managerId: string | null;
  locale: 'ru' | 'en';
  timeZone: string;
  scope: Scope;
}
