import type { WorkCalendar } from './work-calendar.ts';

/**
 * A memo kept with each work calendar: `remember(calendar, key, compute)` answers a key from what
 * this calendar computed before, else computes and keeps it. A calendar is immutable (readonly
 * fields, read-only sets), so what follows from it stays right for as long as it lives, and the
 * memo dies with it (a WeakMap). Past `max` keys per calendar it starts over, so a long-lived
 * calendar asked about many ranges stays bounded. `undefined` is a value like any other.
 */
export function perCalendar<K, V>(max: number): (calendar: WorkCalendar, key: K, compute: () => V) => V {
  const byCalendar = new WeakMap<WorkCalendar, Map<K, V>>();
  return (calendar, key, compute) => {
    let known = byCalendar.get(calendar);
    if (!known) {
      known = new Map();
      byCalendar.set(calendar, known);
    }
    if (known.has(key)) return known.get(key) as V;
    const value = compute();
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
