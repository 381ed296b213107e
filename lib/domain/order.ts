/**
 * String order by UTF-16 code units: the order IndexedDB sorts keys in, and the same in every
 * language (unlike `localeCompare`). Every "in id order" of the app sorts with these.
 */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Records in id order. */
export const byIdOrder = (a: { id: string }, b: { id: string }): number => compareKeys(a.id, b.id);
