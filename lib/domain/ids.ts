/**
 * Record ids: random version-4 UUIDs, as `crypto.randomUUID()` gives, but drawn from a pool of
 * random bytes. Why: an import makes one id per row, and `randomUUID()` costs ~4 µs a call in
 * Chromium's workers (a trip into the browser's random source each time): 0.85 s of a 200,000-row
 * contacts import in a CPU profile (BENCHMARKS.md "Imports: what the worker spends"). One
 * `getRandomValues` call fills the pool for 256 ids.
 */
const POOL_BYTES = 16 * 256;
/** Character codes of the 16 hex digits, lower case. */
const HEX_CODES = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));
const DASH = 45;

let pool = new Uint8Array(0);
let at = 0;
/** The 36 character codes of the id being made (reused: one id at a time). */
const codes: number[] = new Array<number>(36).fill(DASH);

/**
 * The id is written as character codes and made one flat string at the end. Why: joined with
 * `+`, each of its pieces past 12 characters made a V8 cons string pointing at the one before, so
 * every id an import holds was a chain of ~20 of them: ~480 bytes in place of 56. A heap snapshot
 * of a planned 50,000-contact import showed 1.1 million such strings, 34 MB of its 36 MB
 * (BENCHMARKS.md "Ids made flat").
 */
export function newId(): string {
  if (at + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    at = 0;
  }
  let j = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) codes[j++] = DASH;
    let byte = pool[at + i]!;
    // RFC 9562 version 4: the version nibble is 4, the variant bits are 10.
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    codes[j++] = HEX_CODES[byte >> 4]!;
    codes[j++] = HEX_CODES[byte & 15]!;
  }
  at += 16;
  return String.fromCharCode(...codes);
}
