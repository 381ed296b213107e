/**
 * webextension-polyfill loaded as an ES module.
 *
 * Why: the polyfill ships as one UMD (CommonJS) file. Bundled as it is, `import browser from` it
 * goes through the bundler's CommonJS interop, which copies every property of the module's
 * export onto a new object. That export is the browser's own `browser` object (Chrome and
 * Firefox both have one), and reading each of its properties makes Chrome build every API
 * namespace (windows, tabs, …) the code never uses: 17–22 ms of a service worker's start, and
 * about 9 ms of `get windows` alone where the card frames run (BENCHMARKS.md "The polyfill as a
 * module"). Given a `module` to fill, the same code runs unchanged and its one export is handed
 * over as `default`. If a polyfill update changes its wrapper, the build fails here rather than
 * bundling it wrongly.
 */
import type { Plugin } from 'vite';
import { rewriteDependency } from './rewrite-dependency';

const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
/** The UMD branch that fills a CommonJS `module`: the one this wrapper makes it take. */
const COMMONJS_BRANCH = /\} else if \(typeof exports !== "undefined"\) \{\s*factory\(module\);/;

export function asModule(code: string, id: string): string {
  if (!COMMONJS_BRANCH.test(code) || /^\s*(import|export)\s/m.test(code)) {
    throw new Error(`polyfill-as-module: the UMD wrapper was not found in ${id}; webextension-polyfill changed, update build/polyfill-as-module.ts`);
  }
  // Its source map describes the file as shipped, not this one: dropped.
  const body = code.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return `const module = { exports: {} };\nconst exports = module.exports;\n${body}\nexport default module.exports;\n`;
}

export const polyfillAsModule = (): Plugin => rewriteDependency('polyfill-as-module', POLYFILL, asModule);
