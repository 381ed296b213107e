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
});
