import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { useLanguage } from './helpers/i18n';

// Property tests explore new inputs on every local run; CI replays one fixed seed so a landing
// never hangs on luck. A failure prints its seed: replay it with FC_SEED=<seed>.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261122 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

// The interface speaks English in unit tests unless a test picks another language (also at import
// time, for modules that build a label when they load).
await useLanguage('en');
beforeEach(() => useLanguage('en'));
