import type { ComboboxItem } from '@mantine/core';
import type { Unit } from '@pulse/contracts';
import { buildUnitTree, flattenTree } from './unit-tree.ts';

/** Units as select options in tree order, indented by depth so the hierarchy stays readable. */
export function unitOptions(units: readonly Unit[], locale: string, exclude?: ReadonlySet<string>): ComboboxItem[] {
  return flattenTree(buildUnitTree(units, locale))
    .filter((node) => !exclude?.has(node.unit.id))
    .map((node) => ({ value: node.unit.id, label: `${'\u00a0\u00a0'.repeat(node.depth)}${node.unit.name}` }));
}
