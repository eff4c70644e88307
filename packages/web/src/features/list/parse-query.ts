/** What zod's `safeParse` returns, described structurally (the web has no zod import of its own). */
type QueryParseResult<T> =
  | { success: true; data: T }
  | {
      success: false;
      // `keys` names the parameters a strict schema does not know.
      error: { issues: readonly { path: readonly PropertyKey[]; keys?: readonly string[] }[] };
    };

export interface QuerySchema<T> {
  safeParse(data: unknown): QueryParseResult<T>;
}

/**
 * Parses list parameters with the endpoint's contract schema. A parameter the schema refuses (a
 * stale value from an old saved view) is dropped rather than failing the whole list.
 */
export function parseQuery<T>(schema: QuerySchema<T>, raw: Record<string, unknown>): T {
  let current = { ...raw };
  for (let attempt = 0; attempt < 10; attempt++) {
    const result = schema.safeParse(current);
    if (result.success) return result.data;
    const bad = new Set(result.error.issues.flatMap((issue) => [String(issue.path[0] ?? ''), ...(issue.keys ?? [])]));
    const next = Object.fromEntries(Object.entries(current).filter(([key]) => !bad.has(key)));
    if (Object.keys(next).length === Object.keys(current).length) break;
    current = next;
  }
  const fallback = schema.safeParse({});
  if (fallback.success) return fallback.data;
  throw new Error('The list query schema accepts no parameters at all');
}
