// Instants arrive as ISO 8601 strings. An offset is required because Date.parse reads
// '2026-01-12T10:00' in the machine's own time zone, which would make results depend on
// where the code runs; and the date is checked field by field because Date.parse quietly
// rolls '2026-02-30' over to 2 March.
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 instant with an explicit offset ('Z' or '±hh:mm').
 * @throws RangeError for any other string, or one naming a date or time that does not exist.
 */
export function parseInstant(iso: string): number {
  const match = INSTANT_PATTERN.exec(iso);
  const ms = match === null ? Number.NaN : Date.parse(iso);
  if (match === null || Number.isNaN(ms) || !fieldsExist(match)) {
    throw new RangeError(`Invalid instant "${iso}": expected ISO 8601 with an offset, such as '2026-01-12T10:00:00Z'`);
  }
  return ms;
}

function fieldsExist(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((field) => Number(field ?? 0));
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const dateExists = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return dateExists && (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 60;
}
