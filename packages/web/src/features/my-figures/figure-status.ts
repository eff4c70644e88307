import type { KpiCell } from '@pulse/contracts';

// What a KPI cell says besides its number: its light, or why it has none. Shared by the rep's own
// figures and the departments side by side.

/** A cell's status in words: its light, no target set, or why there is no value. */
export type CellStatus = 'green' | 'amber' | 'red' | 'noTarget' | 'no-source' | 'no-data';

export function cellStatus(cell: KpiCell): CellStatus {
  if (cell.value === null) return cell.absentReason ?? 'no-data';
  if (cell.light) return cell.light;
  return 'noTarget';
}
