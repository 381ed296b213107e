import fc from 'fast-check';

// Property tests explore new inputs on every local run; CI replays one fixed seed so a landing
// never hangs on luck. A failure prints its seed: replay it with FC_SEED=<seed>.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261122 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
