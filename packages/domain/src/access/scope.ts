/** The roles of PRODUCT.md, as the domain knows them. */
export type RoleName =
  | 'commercial_director'
  | 'head_of_sales'
  | 'sales_manager'
  | 'lead_generation'
  | 'quality_manager'
  | 'operations'
  | 'analyst'
  | 'admin';

/** How far a user's view reaches, and over which units. */
export interface Scope {
  kind: 'own' | 'team' | 'subtree' | 'organisation';
  /** Units the user sees into: the whole subtree for a head, their own unit for line staff. */
  unitIds: string[];
}

/** A node of the organisation tree, as much of it as access needs. */
export interface UnitNode {
  id: string;
  parentId: string | null;
  kind: 'directorate' | 'department' | 'team';
  headUserId: string | null;
}

/** Roles that see the whole organisation (directors, analysts, quality control, administration). */
export const ORGANISATION_WIDE_ROLES: readonly RoleName[] = [
  'commercial_director',
  'admin',
  'analyst',
  'quality_manager',
];
/** Roles that see the units they lead and everything below them. */
export const SUBTREE_ROLES: readonly RoleName[] = ['head_of_sales', 'operations'];

/**
 * The scope of a user: organisation-wide roles see everything; a head sees the subtree of the
 * units they head (or of their own unit when they head none); line staff see their own work.
 */
export function resolveScope(user: { id: string; role: RoleName; unitId: string | null }, units: UnitNode[]): Scope {
  if (ORGANISATION_WIDE_ROLES.includes(user.role)) {
    return { kind: 'organisation', unitIds: units.map((u) => u.id) };
  }
  if (SUBTREE_ROLES.includes(user.role)) {
    const headed = units.filter((u) => u.headUserId === user.id);
    const roots = headed.length > 0 ? headed : units.filter((u) => u.id === user.unitId);
    const unitIds = subtreeOf(
      units,
      roots.map((u) => u.id),
    );
    const onlyTeams = roots.length > 0 && unitIds.every((id) => units.find((u) => u.id === id)?.kind === 'team');
    return { kind: onlyTeams ? 'team' : 'subtree', unitIds };
  }
  return { kind: 'own', unitIds: user.unitId ? [user.unitId] : [] };
}

/** The given units and all their descendants, each once, parents before children. */
export function subtreeOf(units: UnitNode[], rootIds: string[]): string[] {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  const seen = new Set<string>();
  const queue = [...rootIds];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

/** True when moving `unitId` under `newParentId` would make the tree a cycle. */
export function wouldCreateCycle(units: UnitNode[], unitId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return subtreeOf(units, [unitId]).includes(newParentId);
}
