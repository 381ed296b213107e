/** A file's text in parts for its Blob (components/download.ts): the same bytes as the whole. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textParts } from '@/components/download';

const utf8 = (parts: string[]) => Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8')));

describe('textParts', () => {
  it('gives the same UTF-8 bytes as the whole text, for any text and part size', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (text, size) => {
        const parts = textParts(text, size);
        expect(parts.join('')).toBe(text);
        expect(utf8(parts)).toEqual(Buffer.from(text, 'utf8'));
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(size + 1);
      }),
    );
  });

  it('never splits a surrogate pair: an emoji across a boundary stays one character', () => {
    const parts = textParts('ab😀cd', 3); // the emoji's halves are characters 3 and 4
    expect(parts).toEqual(['ab😀', 'cd']);
    expect(utf8(parts).toString('utf8')).toBe('ab😀cd');
  });

  it('cuts a big file into 64 K parts, and an empty one into none', () => {
    expect(textParts('x'.repeat(200_000)).map((p) => p.length)).toEqual([65_536, 65_536, 65_536, 3_392]);
    expect(textParts('')).toEqual([]);
  });
});
