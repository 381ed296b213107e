/**
 * `npm run bench:sync`: 50 simulated team members on one team week, against the real team server
 * (its own process, so its CPU and memory are its own), first on one node, then on two nodes
 * behind one Redis with the members split between them. Writes the section
 * "## Team sync (npm run bench:sync)" of BENCHMARKS.md.
 *
 * Members write through the extension's document code (lib/sync/doc.ts), in worker threads.
 *
 * Pace: a person makes an edit about every 30 s while working the week; the benchmark runs at ten
 * times that, one edit every 3 s per member (50 members: about 17 edits a second into the server,
 * each fanned out to 49 others). 60 s of editing (BENCH_QUICK=1: 10 s).
 *
 * Floor, same run: the same measurement with 2 members (one hop, no load), and the round trip of a
 * raw WebSocket echo on loopback (no Yjs, no Hocuspocus).
 *
 *   BENCH_MEMBERS=50 BENCH_WORKERS=5 BENCH_QUICK=1 npm run bench:sync
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import WebSocket, { WebSocketServer } from 'ws';
import { startRedis, tempDir } from '../tests/unit/server/helpers.ts';
import type { Arrivals, MemberSpec, WorkerInput } from './bench-sync/members-worker.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 50);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 5);
const DURATION_MS = QUICK ? 10_000 : 60_000;
const PERSON_EDIT_EVERY_MS = 30_000;
const SPEEDUP = 10;
const EDIT_INTERVAL_MS = PERSON_EDIT_EVERY_MS / SPEEDUP;
const TEAM = 'bench';
const TOKEN = 'bench-token-0123456789abcdef';
const DOCUMENT = `${TEAM}/week`;

interface ServerProc {
  url: string;
  child: ChildProcess;
  request<T>(type: string): Promise<T>;
}

interface Stats {
  cpu: NodeJS.CpuUsage;
  rss: number;
  maxRss: number;
}

async function startServerProcess(options: Record<string, unknown>): Promise<ServerProc> {
  const child = fork(new URL('./bench-sync/server-process.ts', import.meta.url), [JSON.stringify(options)], {
    execArgv: ['--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters = new Map<string, (value: unknown) => void>();
  let url = '';
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    child.on('message', (m: { type: string; url?: string }) => {
      if (m.type === 'listening') {
        url = m.url!;
        resolve();
      }
      waiters.get(m.type)?.(m);
      waiters.delete(m.type);
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    child,
    request<T>(type: string) {
      return new Promise<T>((resolve) => {
        waiters.set(type === 'stop' ? 'stopped' : type, resolve as (v: unknown) => void);
        child.send({ type });
      });
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface RunResult {
  label: string;
  members: number;
  nodes: number;
  edits: number;
  lost: number;
  converged: boolean;
  p50: number;
  p95: number;
  max: number;
  serverCpuPercent: number;
  serverRssMb: number[];
  serverMaxRssMb: number[];
  membersCpuPercent: number;
}

async function runTeam(label: string, members: number, servers: ServerProc[], workers: number, editIntervalMs = EDIT_INTERVAL_MS): Promise<RunResult> {
  const specs: MemberSpec[] = Array.from({ length: members }, (_, i) => ({ id: `m${String(i).padStart(2, '0')}`, url: servers[i % servers.length]!.url }));
  const groups: MemberSpec[][] = Array.from({ length: Math.min(workers, members) }, () => []);
  specs.forEach((s, i) => groups[i % groups.length]!.push(s));

  const threads = groups.map((group, index) => {
    const input: WorkerInput = { members: group, documentName: DOCUMENT, token: TOKEN, editIntervalMs, seed: index + 1 };
    // jiti's loader: the extension's lib/ (the document code the members write through) imports
    // without file extensions, which Node's own type stripping does not resolve.
    return new Worker(new URL('./bench-sync/members-worker.ts', import.meta.url), { workerData: input, execArgv: [...process.execArgv, '--import', 'jiti/register'] });
  });
  const next = (w: Worker, type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (m.type !== type) return;
        w.off('message', onMessage);
        resolve(m);
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });

  const ready = await Promise.all(threads.map((w) => next(w, 'ready')));
  const synced = ready.reduce((n, r) => n + (r.synced as number), 0);
  if (synced !== members) throw new Error(`${label}: only ${synced} of ${members} members synced`);

  const before = await Promise.all(servers.map((s) => s.request<Stats>('stats')));
  // This process hosts every member (worker threads included): its CPU is the members' side.
  const membersBefore = process.cpuUsage();
  const t0 = Date.now();
  const until = t0 + DURATION_MS;
  const sentP = Promise.all(threads.map((w) => next(w, 'sent')));
  threads.forEach((w) => w.postMessage({ type: 'start', until }));
  const sent = await sentP;
  const sentBy: Record<string, number> = Object.assign({}, ...sent.map((s) => s.edits as Record<string, number>));
  const total = Object.values(sentBy).reduce((a, b) => a + b, 0);

  const settledP = Promise.all(threads.map((w) => next(w, 'settled')));
  threads.forEach((w) => w.postMessage({ type: 'settle', expected: total }));
  const settled = await settledP;
  const wall = Date.now() - t0;
  const membersCpu = process.cpuUsage(membersBefore);
  const after = await Promise.all(servers.map((s) => s.request<Stats>('stats')));

  // Time for an edit to reach ALL other members: the latest arrival among them.
  const latest = new Map<string, { last: number; receivers: number }>();
  for (const s of settled) {
    for (const [editId, a] of Object.entries(s.arrivals as Arrivals)) {
      const seen = latest.get(editId) ?? { last: 0, receivers: 0 };
      latest.set(editId, { last: Math.max(seen.last, a.last), receivers: seen.receivers + a.receivers });
    }
  }
  const held = Object.assign({}, ...settled.map((s) => s.held as Record<string, number>)) as Record<string, number>;
  const missing = Object.values(held).reduce((n, h) => n + Math.max(0, total - h), 0);
  const converged = settled.every((s) => s.converged) && new Set(settled.map((s) => s.weekJson)).size === 1;

  // Send times come from the authors' log entries, read back from any member (all hold all).
  const sentAt = await sendTimes(threads, next);
  const latencies: number[] = [];
  let incomplete = 0;
  for (const [editId, at] of sentAt) {
    const seen = latest.get(editId);
    if (!seen || seen.receivers < members - 1) {
      incomplete++;
      continue;
    }
    latencies.push(seen.last - at);
  }
  latencies.sort((a, b) => a - b);

  await Promise.all(threads.map(async (w) => {
    const closed = next(w, 'closed');
    w.postMessage({ type: 'close' });
    await closed;
    await w.terminate();
  }));

  const cpuMicros = after.reduce((n, a, i) => n + (a.cpu.user + a.cpu.system) - (before[i]!.cpu.user + before[i]!.cpu.system), 0);
  return {
    label,
    members,
    nodes: servers.length,
    edits: total,
    lost: missing + incomplete + (sentAt.size === total ? 0 : total - sentAt.size),
    converged,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? NaN,
    serverCpuPercent: (cpuMicros / 1000 / wall) * 100,
    serverRssMb: after.map((a) => a.rss / 1024 / 1024),
    serverMaxRssMb: after.map((a) => a.maxRss / 1024 / 1024),
    membersCpuPercent: ((membersCpu.user + membersCpu.system) / 1000 / wall) * 100,
  };
}

/** The send time of every edit, read from the first worker's first member (it holds them all). */
async function sendTimes(threads: Worker[], next: (w: Worker, type: string) => Promise<Record<string, unknown>>): Promise<Map<string, number>> {
  const w = threads[0]!;
  const reply = next(w, 'log');
  w.postMessage({ type: 'log' });
  const log = (await reply).log as Record<string, { sentAt: number }>;
  return new Map(Object.entries(log).map(([id, s]) => [id, s.sentAt]));
}

/** Round trip of a raw WebSocket echo on loopback: what any message costs before Yjs and Hocuspocus. */
async function wsEchoFloor(): Promise<{ p50: number; p95: number }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (s) => s.on('message', (d) => s.send(d)));
  const port = (wss.address() as { port: number }).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r) => ws.once('open', r));
  const rtts: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(new Uint8Array(120));
    });
    rtts.push(performance.now() - t);
  }
  ws.close();
  await new Promise((r) => wss.close(r));
  rtts.sort((a, b) => a - b);
  return { p50: percentile(rtts, 50), p95: percentile(rtts, 95) };
}

async function withServers<T>(nodes: number, fn: (servers: ServerProc[]) => Promise<T>): Promise<T> {
  const dir = tempDir('bench-sync');
  const redis = nodes > 1 ? await startRedis() : undefined;
  const servers: ServerProc[] = [];
  try {
    for (let i = 0; i < nodes; i++) {
      servers.push(await startServerProcess({ dbPath: `${dir.path}/team.sqlite`, teams: { [TEAM]: TOKEN }, ...(redis ? { redis: { host: redis.host, port: redis.port } } : {}) }));
    }
    return await fn(servers);
  } finally {
    for (const s of servers) await s.request('stop');
    await redis?.stop();
    dir.remove();
  }
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : 'n/a');
const mb = (n: number) => `${n.toFixed(0)} MB`;

const startLoad = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`bench:sync: ${MEMBERS} members in ${WORKERS} worker threads, one edit every ${EDIT_INTERVAL_MS / 1000} s each, ${DURATION_MS / 1000} s${QUICK ? ' (quick)' : ''}`);
const echo = await wsEchoFloor();
console.log(`floor: raw WebSocket echo round trip p50 ${ms(echo.p50)}, p95 ${ms(echo.p95)}`);
// The floor edits six times faster (every 500 ms) only to collect enough samples for a p95: two
// members load nothing either way.
const FLOOR_INTERVAL_MS = EDIT_INTERVAL_MS / 6;
const floor = await withServers(1, (s) => runTeam('2 members, one node (floor)', 2, s, 2, FLOOR_INTERVAL_MS));
console.log(floor);
const one = await withServers(1, (s) => runTeam(`${MEMBERS} members, one node`, MEMBERS, s, WORKERS));
console.log(one);
const two = await withServers(2, (s) => runTeam(`${MEMBERS} members, two nodes + Redis`, MEMBERS, s, WORKERS));
console.log(two);

const rows = [floor, one, two].map((r) =>
  `| ${r.label} | ${r.edits} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.p95 && floor.p95 ? `${(r.p95 / floor.p95).toFixed(1)}×` : ''} | ${r.lost} | ${r.converged ? 'yes' : '**no**'} | ${r.serverCpuPercent.toFixed(0)} % | ${r.serverRssMb.map(mb).join(' + ')} (peak ${r.serverMaxRssMb.map(mb).join(' + ')}) | ${r.membersCpuPercent.toFixed(0)} % |`,
);
const loadavg = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const section = `## Team sync (npm run bench:sync)

Measured ${new Date().toISOString().slice(0, 10)}${QUICK ? ' (quick run, `BENCH_QUICK=1`: 10 s of editing)' : ' (60 s of editing)'} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average (1, 5, 15 min) ${startLoad} at the start and ${loadavg} at the end (above ${cpus().length} means jobs queue for the ${cpus().length} cores: other work shares this machine).

${MEMBERS} simulated members in ${WORKERS} worker threads, each member with its own Y.Doc and its own HocuspocusProvider (its own WebSocket) on one team document (\`${DOCUMENT}\`), against the real team server (\`server/team-server.ts\`, SQLite) running as its own process. A person is taken to make an edit every ${PERSON_EDIT_EVERY_MS / 1000} s while working the week; at ${SPEEDUP}× that pace each member edits every ${EDIT_INTERVAL_MS / 1000} s (a target's status, owner, note or next step, or an air-cover tick, on one of 200 targets), so ${MEMBERS} members send about ${(MEMBERS / (EDIT_INTERVAL_MS / 1000)).toFixed(0)} edits a second, each fanned out to ${MEMBERS - 1} others. Members write through the extension's own document code (\`lib/sync/doc.ts\` \`writeEntries\`: each member writes its version of a target or tick record into its own map \`w:<member>\`). Each edit carries a unique id and its send time; "reaches all" is the time until the last of the other members has it. Lost = edits some member does not hold at the end (must be 0); converged = every member ends with the same shared state (every \`w:\` map equal). Server CPU is the server process's \`process.cpuUsage()\` over the run (100 % = one core; two nodes: their sum), RSS at the end and at peak. Members' CPU is the benchmark process hosting all members (their Yjs and WebSocket work), on the same machine.

Two nodes cost more per edit by design: Hocuspocus' Redis extension publishes the changed document's state vector (SyncStep1) and the other node answers with the difference (SyncStep2), so an edit crosses Redis twice and each node computes a diff before the members of the other node get it.

| run | edits | reaches all, p50 | p95 | max | p95 / floor | lost | converged | server CPU | server RSS | members' CPU |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Floor, same run: the 2-member row (one hop through the server, nothing else going on; those two edit every ${FLOOR_INTERVAL_MS} ms, only to collect enough samples), and a raw WebSocket echo round trip on loopback, p50 ${ms(echo.p50)}, p95 ${ms(echo.p95)} (no Yjs, no Hocuspocus: the least any message costs).
`;
const path = new URL('../BENCHMARKS.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const start = doc.indexOf('## Team sync (npm run bench:sync)');
let out: string;
if (start === -1) out = `${doc.trimEnd()}\n\n${section}`;
else {
  const end = doc.indexOf('\n## ', start + 3);
  out = doc.slice(0, start) + section + (end === -1 ? '' : `\n${doc.slice(end + 1)}`);
}
writeFileSync(path, out);
console.log('BENCHMARKS.md: section "Team sync (npm run bench:sync)" written');
const failed = [floor, one, two].some((r) => r.lost > 0 || !r.converged);
process.exit(failed ? 1 : 0);
