import type { Me } from '@pulse/contracts';

/**
 * Managing people goes with managing the structure (both are the administrator's): Me has no
 * separate flag for it.
 */
export function canManagePeople(me: Me): boolean {
  return me.permissions.manageStructure;
}
