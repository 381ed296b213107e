/**
 * `t`: @wxt-dev/i18n's typed `i18n.t`, with its answers kept.
 *
 * Why: every answer is a synchronous `getMessage` call into the browser, and a 1,000-target week
 * asks the same few sentences thousands of times (each tier's, each progress line's, the locale
 * for every number). In a CPU profile of the week's first screen those calls took 20–100 ms
 * (BENCHMARKS.md). The words cannot change while a page lives (the browser's language is fixed
 * for its life), with two exceptions: the empty-catalog guard (`./ensure-messages.ts`) puts its
 * own `getMessage` in place, and unit tests switch languages the same way. So the answers are
 * kept per `getMessage` function, and an empty answer (a catalog not there yet) is never kept.
 */
import { i18n } from '#i18n';

type Translate = (key: string, ...args: unknown[]) => string;

/** Enough for every sentence a big week shows; past it, the kept answers start again. */
const MOST_KEPT = 5_000;

/** The `getMessage` that `i18n.t` calls: @wxt-dev/browser's choice of `browser` or `chrome`. */
function currentGetMessage(): unknown {
  const g = globalThis as { browser?: { runtime?: { id?: string }; i18n?: { getMessage?: unknown } }; chrome?: { i18n?: { getMessage?: unknown } } };
  return (g.browser?.runtime?.id ? g.browser : g.chrome)?.i18n?.getMessage;
}

/**
 * A key for one call: the message's name and its arguments (a count, a list of substitutions or
 * named ones) as `i18n.t` reads them (each value as `String` gives it). Every piece carries its
 * length, so no value (a company name from a page, whatever it holds) can pass for another call.
 */
function callKey(key: string, args: readonly unknown[]): string {
  let out = key;
  const piece = (tag: string, text: string) => (out += `${tag}${text.length}:${text}`);
  for (const arg of args) {
    if (arg == null) continue;
    if (typeof arg === 'number') piece('#', String(arg));
    else if (Array.isArray(arg)) {
      piece('[', String(arg.length));
      for (const sub of arg) piece(',', String(sub));
    } else if (typeof arg === 'object') {
      for (const [k, v] of Object.entries(arg)) {
        piece('{', k);
        piece('=', String(v));
      }
    } else piece('?', String(arg));
  }
  return out;
}

/**
 * `compute` kept per `getMessage` function, for what follows from the catalog and the browser's
 * language alone (the language numbers and dates are written in).
 */
export function perCatalog<T>(compute: () => T): () => T {
  let keptFor: unknown;
  let kept: { value: T } | undefined;
  return () => {
    const source = currentGetMessage();
    if (!kept || source !== keptFor) {
      kept = { value: compute() };
      keptFor = source;
    }
    return kept.value;
  };
}

/** `translate` with its non-empty answers kept, per `getMessage` function (see above). */
export function rememberAnswers<T extends Translate>(translate: T): T {
  const answers = perCatalog(() => new Map<string, string>());
  return ((key: string, ...args: unknown[]) => {
    const kept = answers();
    const id = callKey(key, args);
    let answer = kept.get(id);
    if (answer === undefined) {
      answer = translate(key, ...args);
      if (answer) {
        if (kept.size >= MOST_KEPT) kept.clear();
        kept.set(id, answer);
      }
    }
    return answer;
  }) as T;
}

export const t = rememberAnswers(i18n.t as Translate) as typeof i18n.t;
