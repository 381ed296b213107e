/**
 * Record ids: random version-4 UUIDs, as `crypto.randomUUID()` gives, but drawn from a pool of
 * random bytes. Why: an import makes one id per row, and `randomUUID()` costs ~4 µs a call in
 * Chromium's workers (a trip into the browser's random source each time): 0.85 s of a 200,000-row
 * contacts import in a CPU profile (BENCHMARKS.md "Imports: what the worker spends"). One
 * `getRandomValues` call fills the pool for 256 ids.
 */
const POOL_BYTES = 16 * 256;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

let pool = new Uint8Array(0);
let at = 0;

export function newId(): string {
  if (at + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    at = 0;
  }
  const b = pool;
  const o = at;
  at += 16;
  const h = (i: number) => HEX[b[o + i]!]!;
  // RFC 9562 version 4: the version nibble is 4, the variant bits are 10.
  return (
    h(0) + h(1) + h(2) + h(3) + '-' + h(4) + h(5) + '-' + HEX[(b[o + 6]! & 0x0f) | 0x40] + h(7) + '-' +
    HEX[(b[o + 8]! & 0x3f) | 0x80] + h(9) + '-' + h(10) + h(11) + h(12) + h(13) + h(14) + h(15)
  );
}
