import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asModule } from '@/build/polyfill-as-module';

const POLYFILL = resolve(import.meta.dirname, '../../node_modules/webextension-polyfill/dist/browser-polyfill.js');
const dir = mkdtempSync(join(tmpdir(), 'polyfill-'));
const file = join(dir, 'polyfill.mjs');
writeFileSync(file, asModule(readFileSync(POLYFILL, 'utf8'), POLYFILL));

/**
 * The rewritten polyfill imported by plain Node (not through vitest's module runner, which puts
 * CommonJS names in every module's scope), after `setup` made the globals an extension has.
 */
function importIn(setup: string): { same: boolean; kind: string; globalBrowser: string } {
  const driver = `${setup}
    const exported = (await import(${JSON.stringify(pathToFileURL(file).href)})).default;
    console.log(JSON.stringify({ same: exported === globalThis.browser, kind: typeof exported, globalBrowser: typeof globalThis.browser }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', driver], { encoding: 'utf8' })) as never;
}

describe('webextension-polyfill as an ES module (build/polyfill-as-module.ts)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exports the browser's own `browser` object itself: nothing is copied from it", () => {
    expect(importIn(`globalThis.chrome = globalThis.browser = { runtime: { id: 'tiercover-test' } };`)).toEqual({ same: true, kind: 'object', globalBrowser: 'object' });
  });

  it('wraps `chrome` where there is no `browser`, and writes no global', () => {
    // The UMD's last branch (no CommonJS `module`) would have set `globalThis.browser`.
    expect(importIn(`globalThis.chrome = { runtime: { id: 'tiercover-test' } };`)).toEqual({ same: false, kind: 'object', globalBrowser: 'undefined' });
  });

  it('fails the build when the polyfill changes its wrapper', () => {
    expect(() => asModule('module.exports = globalThis.browser;', 'browser-polyfill.js')).toThrow(/webextension-polyfill changed/);
    expect(() => asModule('export default globalThis.browser;', 'browser-polyfill.js')).toThrow(/webextension-polyfill changed/);
  });
});
