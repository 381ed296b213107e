/**
 * Zod 4 would probe `new Function('')` the first time it builds an object schema, to decide
 * whether it may compile parsers to code. The extension's CSP forbids eval, so the probe could
 * only fail (and report a CSP violation); jitless skips it and parses by interpretation, which
 * is fast enough for our message-sized inputs. The shipped bundles carry no probe either:
 * build/zod-no-eval-probe.ts removes it at build time (this module covers `wxt dev`, whose
 * pre-bundled dependencies skip that transform).
 *
 * Must run before any schema is constructed (zod reads the flag then), so it is imported first
 * wherever zod enters a bundle: the background and options entrypoints, and lib/io/csv-export.ts,
 * through which the week view (app, side panel) loads zod on demand; a static import in those
 * entrypoints would pull zod's core into the week's first paint. tests/unit/zod-jitless.test.ts
 * holds that order.
 */
import { config } from 'zod';

config({ jitless: true });
