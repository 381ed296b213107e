/**
 * `npm run team-server`: the team's sync server, configured by environment (docs/TEAM-SERVER.md).
 *
 *   TIERCOVER_TEAMS="acme:<token>" npm run team-server
 *
 * Prints where it listens and which teams it serves, never a token; exits 2 on a bad configuration.
 */
import { ConfigError, readConfig } from './config.ts';
import { describeLocation } from './document-store.ts';
import { startTeamServer } from './team-server.ts';

function log(line: string): void {
  console.log(`${new Date().toISOString()} ${line}`);
}

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error('Tiercover team server: the configuration is not usable.');
  for (const problem of error.problems) console.error(`  - ${problem}`);
  console.error('See docs/TEAM-SERVER.md for every setting.');
  process.exit(2);
}

let running;
try {
  running = await startTeamServer({ ...config, log });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use`
    : code === 'EACCES' ? `no permission to listen on port ${config.port}`
    : code === 'EADDRNOTAVAIL' ? `${config.host} is not an address of this machine`
    : (error as Error).message.replace(/\.$/, '');
  console.error(`Tiercover team server could not start: ${why}.`);
  process.exit(1);
}
log(`documents are kept in ${describeLocation(config.dbPath)}`);
if (config.host !== '127.0.0.1' && config.host !== 'localhost' && config.host !== '::1') {
  log(`listening on ${config.host}, not only on loopback: put a TLS reverse proxy in front (docs/TEAM-SERVER.md)`);
}

const server = running;
async function shutdown(signal: string): Promise<void> {
  log(`${signal}: storing every open document and stopping`);
  await server.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
