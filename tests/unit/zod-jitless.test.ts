import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stripProbe } from '@/build/zod-no-eval-probe';

const ROOT = resolve(import.meta.dirname, '../..');
const firstImport = (file: string) => readFileSync(resolve(ROOT, file), 'utf8').match(/^import\s[^;]*;/m)?.[0];

describe('zod runs jitless', () => {
  // Where zod enters each bundle; the app and side panel reach it only through csv-export.
  it.each(['entrypoints/background/index.ts', 'entrypoints/options/main.tsx', 'lib/io/csv-export.ts'])(
    '%s configures zod before anything else',
    (file) => {
      expect(firstImport(file)).toMatch(/^import '(@\/lib|\.\.)\/zod-jitless';$/);
    },
  );

  it('the build removes the eval probe from the installed zod', () => {
    const util = resolve(ROOT, 'node_modules/zod/v4/core/util.js');
    const out = stripProbe(readFileSync(util, 'utf8'), util);
    expect(out).not.toMatch(/\bFunction\b\s*;|new F\(/);
    expect(out).toContain('return false;');
  });

  it('fails the build when zod changes its probe', () => {
    expect(() => stripProbe('export const allowsEval = () => new Function("")', 'util.js')).toThrow(/zod changed/);
  });
});
