/**
 * Removes zod 4's `new Function('')` probe from the build.
 *
 * lib/zod-jitless.ts sets `jitless: true`, so at run time zod never reaches the probe. But the
 * probe's code is still in the bundle, and web-ext lint (ESLint's no-new-func, reported as
 * DANGEROUS_EVAL) and store reviewers read the bundle, not the run. This rewrites the one probe in
 * zod's `v4/core/util.js` to the answer it gives under our CSP anyway (`false`: no eval), so no
 * Function constructor ships. If a zod update changes the probe, the build fails here rather
 * than shipping it unnoticed.
 */
import type { Plugin } from 'vite';
import { rewriteDependency } from './rewrite-dependency';

const UTIL = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/;
const PROBE = /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/;

export function stripProbe(code: string, id: string): string {
  if (!PROBE.test(code)) {
    throw new Error(`zod-no-eval-probe: the eval probe was not found in ${id}; zod changed, update build/zod-no-eval-probe.ts`);
  }
  return code.replace(PROBE, '/* Tiercover: no eval under the extension CSP (build/zod-no-eval-probe.ts) */ return false;');
}

export const zodNoEvalProbe = (): Plugin => rewriteDependency('zod-no-eval-probe', UTIL, stripProbe);
