import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/domain/ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('gives version-4 UUIDs, as crypto.randomUUID does, across many refills of its pool', () => {
    const ids = Array.from({ length: 20_000 }, newId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every hex digit in every free position (no byte is dropped or fixed)', () => {
    const ids = Array.from({ length: 2_000 }, newId);
    for (const at of [0, 7, 9, 12, 15, 17, 20, 24, 35]) {
      const seen = new Set(ids.map((id) => id[at]));
      expect(seen.size, `position ${at}`).toBe(16);
    }
    expect(new Set(ids.map((id) => id[14]))).toEqual(new Set(['4']));
    // The variant digit takes exactly 8, 9, a and b.
    expect(new Set(ids.map((id) => id[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
  });

  it('holds each id as one flat string: ~56 bytes, not a chain of joined pieces', () => {
    // Joined with `+`, an id was a chain of ~20 V8 cons strings: ~480 bytes each, measured here
    // and in an import's heap snapshot. Run twice: the first run also compiles and warms up.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const bytesPerId = () => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const ids = Array.from({ length: 50_000 }, newId);
      gc();
      const each = (process.memoryUsage().heapUsed - before) / ids.length;
      expect(ids[49_999]).toMatch(UUID_V4);
      return each;
    };
    bytesPerId();
    // 56 bytes of string and 4–8 of the array's slot; 150 leaves room for the heap's own noise.
    expect(bytesPerId()).toBeLessThan(150);
  });
});
