/**
 * Test guards for indexed access (noUncheckedIndexedAccess): a missing entry fails the test with
 * a message that says what was missing, instead of a TypeError further on.
 */
export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what}, got ${String(value)}`);
  return value;
}

/** The first element of a list; fails the test when the list is empty. */
export function first<T>(list: readonly T[], what = 'list'): T {
  return must(list[0], `a first element in ${what} (it is empty)`);
}
