/** One changed field of an audited record. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Fields whose values never enter the audit log; the log says only that they changed. */
export const REDACTED = '[redacted]';

/**
 * The fields that differ between two versions of a record (old → new). A create compares
 * against nothing, a delete against nothing after. Values compare by their JSON form, so dates
 * and arrays compare by content.
 */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  options: { redact?: readonly string[]; ignore?: readonly string[] } = {},
): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    if (options.ignore?.includes(field)) continue;
    const oldValue = normalise(before?.[field]);
    const newValue = normalise(after?.[field]);
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    const redact = options.redact?.includes(field);
    changes.push({
      field,
      old: redact && oldValue !== null ? REDACTED : oldValue,
      new: redact && newValue !== null ? REDACTED : newValue,
    });
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}
