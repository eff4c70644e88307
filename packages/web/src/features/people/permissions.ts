import type { Me } from '@pulse/contracts';

/** Whether the people page offers creating, editing and deactivating users (the server decides). */
export function canManagePeople(me: Me): boolean {
  return me.permissions.manageUsers;
}
