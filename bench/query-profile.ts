import type pg from 'pg';

// Where a request's time goes: every statement the pool's clients run, with its duration, so a
// benchmark can print the slowest statements of one request (BENCH_PROFILE=1). Wraps each
// client's query() as the pool connects it; costs a closure call per statement.

/** One statement as run: its text (whitespace collapsed) and how long it took. */
export interface ProfiledQuery {
  text: string;
  ms: number;
}

/** Starts recording the pool's statements; `take()` returns and clears what was recorded. */
export function profilePool(pool: pg.Pool): { take(): ProfiledQuery[] } {
  let recorded: ProfiledQuery[] = [];
  const wrap = (client: pg.PoolClient) => {
    const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      const text = (typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ').trim();
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        recorded.push({ text, ms: performance.now() - started });
      }
    };
  };
  pool.on('connect', wrap);
  return {
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}

/** The statements of one run, slowest first, as printable lines. */
export function describeProfile(queries: readonly ProfiledQuery[], top = 12): string {
  const total = queries.reduce((sum, q) => sum + q.ms, 0);
  const lines = [...queries]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
    .map(
      (q) =>
        `    ${q.ms.toFixed(1).padStart(7)} ms  ${q.text.slice(0, Number(process.env.BENCH_PROFILE_WIDTH ?? 160))}`,
    );
  return `  ${queries.length} statements, ${total.toFixed(1)} ms in the database; slowest:\n${lines.join('\n')}`;
}
