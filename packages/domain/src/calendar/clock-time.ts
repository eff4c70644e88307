// 'HH:MM' wall-clock times as minutes after midnight.
// 24:00 is deliberately not accepted: a shift ending at midnight is written 00:00, which
// the end <= start rule already reads as "ends on the next day".

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const MINUTES_PER_DAY = 1440;

/**
 * Minutes after midnight of a 24-hour 'HH:MM' time (00:00–23:59).
 * @throws RangeError for anything else, e.g. '9:00', '24:00', '12:60'.
 */
export function clockMinutes(value: string): number {
  const match = CLOCK_PATTERN.exec(value);
  if (match === null) {
    throw new RangeError(`Invalid time "${value}": expected 24-hour 'HH:MM' from 00:00 to 23:59`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}
