/**
 * The median of a list: the middle value once sorted, or the mean of the two middle values when
 * the count is even. Null for an empty list — there is nothing to compare with.
 * @throws RangeError for a value that is not a finite number.
 */
export function median(values: readonly number[]): number | null {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`Invalid value ${value}: expected a finite number`);
  }
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // Non-null by the length check above; the index types cannot see it.
  const upper = sorted[middle] as number;
  // `+ 0` turns a -0 into 0, so the answer does not depend on where a -0 sat in the list.
  return (sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2) + 0;
}
