/**
 * The team's own sync server: Hocuspocus with a token per team, documents kept in SQLite, updates
 * shared between several nodes through Redis when configured, oversized or malformed updates
 * refused. Started by `npm run team-server` (server/cli.ts) and by the tests and the benchmark.
 *
 * Documents are named `<teamId>` or `<teamId>/<anything>`; only that team's token opens them.
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { Server } from '@hocuspocus/server';
import type { Socket } from 'node:net';
import { openDocumentStore } from './document-store.ts';
import { checkRedisReachable } from './redis-check.ts';
import { TeamTokens, teamOfDocument } from './team-auth.ts';
import { DEFAULT_MAX_UPDATE_BYTES, UpdateGuard } from './update-guard.ts';

export interface TeamServerOptions {
  host?: string; // default '127.0.0.1'
  port?: number; // 0 = any free port
  dbPath: string; // SQLite file (node:sqlite, built into Node 22: no native addon), or a postgres:// URL
  teams: Record<string, string>; // team id -> token
  redis?: { host: string; port: number }; // several nodes share updates through Redis
  maxUpdateBytes?: number; // an update over this is refused (default 2 MiB)
  log?: (line: string) => void; // never receives a token
}

export interface RunningTeamServer {
  port: number;
  url: string; // ws://host:port
  stop(): Promise<void>;
}

/** What `onAuthenticate` leaves on the connection for later hooks. */
interface TeamContext {
  teamId: string;
}

/** The reason a refused client receives in `onAuthenticationFailed({ reason })`. */
export const AUTH_REFUSED_REASON = 'permission-denied';

/**
 * A store is asked for at most this often per document while edits keep coming (ms): the loss
 * window if the process is killed outright; a clean stop stores everything first.
 */
const STORE_DEBOUNCE_MS = 1000;
const STORE_MAX_DEBOUNCE_MS = 5000;

export async function startTeamServer(o: TeamServerOptions): Promise<RunningTeamServer> {
  const log = o.log ?? (() => {});
  const tokens = new TeamTokens(o.teams);
  const maxUpdateBytes = o.maxUpdateBytes ?? DEFAULT_MAX_UPDATE_BYTES;
  if (!(maxUpdateBytes > 0)) throw new Error(`maxUpdateBytes must be a positive number of bytes, not ${o.maxUpdateBytes}.`);
  const host = o.host ?? '127.0.0.1';
  const store = await openDocumentStore(o.dbPath);

  const extensions: Extension[] = [
    new UpdateGuard(maxUpdateBytes, log),
    new Database({
      fetch: ({ documentName }) => store.fetch(documentName),
      store: ({ documentName, state }) => store.store(documentName, state),
    }),
    {
      extensionName: 'TiercoverStoreClose',
      async onDestroy() {
        await store.close();
      },
    },
  ];
  if (o.redis) {
    try {
      await checkRedisReachable(o.redis.host, o.redis.port);
    } catch (error) {
      await store.close();
      throw error;
    }
    extensions.push(new Redis({ host: o.redis.host, port: o.redis.port, prefix: 'tiercover' }));
  }

  const server = new Server<TeamContext>({
    name: 'tiercover-team-server',
    address: host,
    port: o.port ?? 0,
    quiet: true,
    // The command line and the tests own the process: no exit on SIGINT from inside a library.
    stopOnSignals: false,
    debounce: STORE_DEBOUNCE_MS,
    maxDebounce: STORE_MAX_DEBOUNCE_MS,
    // ws refuses a frame far past the limit before buffering it; between the limit and this cap
    // the update guard refuses it with a clear reason.
    websocketOptions: { maxPayload: maxUpdateBytes + 1024 * 1024 },
    extensions,
    async onAuthenticate({ documentName, token }: onAuthenticatePayload<TeamContext>) {
      const teamId = teamOfDocument(documentName);
      if (teamId === null || !tokens.accepts(teamId, token ?? '')) {
        log(`refused a connection to "${documentName}": wrong token or unknown team`);
        throw { reason: AUTH_REFUSED_REASON };
      }
      return { teamId };
    },
  });

  // Hocuspocus' destroy() closes each document connection but leaves the sockets open; a stopped
  // server must drop them so clients notice at once and reconnect (to this address, restarted).
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    await server.listen();
  } catch (error) {
    await store.close();
    throw error;
  }
  const port = server.address.port;
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`listening on ${url} for teams: ${tokens.teamIds.join(', ')}${o.redis ? ` (sharing updates through Redis at ${o.redis.host}:${o.redis.port})` : ''}`);

  let stopping: Promise<void> | undefined;
  return {
    port,
    url,
    stop() {
      // destroy() stores every loaded document before it resolves, then onDestroy closes the store.
      stopping ??= server.destroy().then(() => {
        for (const socket of sockets) socket.destroy();
        log(`stopped ${url}`);
      });
      return stopping;
    },
  };
}

