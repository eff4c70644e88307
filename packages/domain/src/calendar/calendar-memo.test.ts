import { describe, expect, it } from 'vitest';
import { perCalendar } from './calendar-memo.ts';
import { makeWorkCalendar } from './make-work-calendar.ts';

describe('perCalendar', () => {
  it('computes a key once per calendar, undefined included, and starts over past its bound', () => {
    const remember = perCalendar<string, number | undefined>(2);
    const office = makeWorkCalendar({ timeZone: 'Europe/Moscow' });
    const other = makeWorkCalendar({ timeZone: 'UTC' });
    let computed = 0;
    const ask = (calendar: typeof office, key: string, value: number | undefined) =>
      remember(calendar, key, () => {
        computed += 1;
        return value;
      });
    expect(ask(office, 'a', 1)).toBe(1);
    expect(ask(office, 'a', 99)).toBe(1);
    expect(ask(office, 'none', undefined)).toBeUndefined();
    expect(ask(office, 'none', 5)).toBeUndefined();
    expect(computed).toBe(2);
    expect(ask(other, 'a', 7)).toBe(7);
    expect(computed).toBe(3);
    // A third key on a full calendar clears it: 'a' is computed again.
    expect(ask(office, 'b', 2)).toBe(2);
    expect(ask(office, 'a', 3)).toBe(3);
    expect(computed).toBe(5);
  });
});
