/**
 * A Vite plugin that rewrites one dependency file as it is bundled: the shell the plugins in this
 * folder share. `file` is tested against the module's path without its query string.
 */
import type { Plugin } from 'vite';

export function rewriteDependency(name: string, file: RegExp, rewrite: (code: string, id: string) => string): Plugin {
  return {
    name: `tiercover:${name}`,
    enforce: 'pre',
    transform(code, id) {
      if (!file.test(id.replace(/\?.*$/, ''))) return null;
      return { code: rewrite(code, id), map: null };
    },
  };
}
