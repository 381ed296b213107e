import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPush, newestOnly } from '@/lib/messaging/push';

describe('pushes that state the whole of something keep only the newest', () => {
  it('newestOnly accepts stamps in order and refuses one older than the last accepted', () => {
    const newest = newestOnly();
    expect([newest(10), newest(10), newest(12), newest(11), newest(13)]).toEqual([true, true, true, false, true]);
  });

  it('whatever order pushes arrive in, what is left applied is the newest one sent', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 8 }), (stamps) => {
        const newest = newestOnly();
        let applied: number | undefined;
        for (const at of stamps) if (newest(at)) applied = at;
        expect(applied).toBe(Math.max(...stamps));
      }),
    );
  });

  it('a cardHost push without its stamp is not one', () => {
    const host = { type: 'cardHost', dark: false, viewport: { width: 1280, height: 800 } };
    expect(isPush({ ...host, at: 1 }, 'cardHost')).toBe(true);
    expect(isPush(host, 'cardHost')).toBe(false);
    expect(isPush({ ...host, at: Number.NaN }, 'cardHost')).toBe(false);
  });
});
