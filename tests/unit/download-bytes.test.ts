/** A file's text as the bytes of its Blob (components/download.ts): the text's own UTF-8. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes, Utf8Writer } from '@/lib/io/utf8';

const same = (text: string) => {
  expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, 'utf8'));
};

describe('utf8Bytes', () => {
  it('gives the UTF-8 of any text: lone surrogates as U+FFFD, pairs as one character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), same));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), same));
  });

  it('grows its buffer where the text is not mostly ASCII, and gives exactly the bytes', () => {
    for (const text of ['ü'.repeat(1000), '😀'.repeat(500), `${'a'.repeat(100)}${'€'.repeat(100)}`, 'ab😀cd', '\uFEFFWeek,Account\r\n']) {
      same(text);
      expect(utf8Bytes(text).byteLength).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('gives no bytes for an empty text, and ASCII byte for byte', () => {
    expect(utf8Bytes('').byteLength).toBe(0);
    const ascii = 'x,y\r\n'.repeat(50_000);
    expect(utf8Bytes(ascii).byteLength).toBe(ascii.length);
    same(ascii);
  });
});

describe('Utf8Writer', () => {
  it('gives the UTF-8 of its pieces in order, encoded once and put many times or appended, whatever it must grow to', () => {
    const piece = fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 30 }), times: fc.integer({ min: 1, max: 4 }), put: fc.boolean() });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.integer({ min: 0, max: 64 }), (pieces, expected) => {
        const out = new Utf8Writer(expected);
        let text = '';
        for (const p of pieces) {
          const bytes = out.encode(p.text);
          for (let i = 0; i < p.times; i++) {
            if (p.put) out.put(bytes);
            else out.append(p.text);
            text += p.text;
          }
        }
        expect(Buffer.from(out.bytes())).toEqual(Buffer.from(text, 'utf8'));
      }),
    );
  });
});
