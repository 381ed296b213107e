/**
 * The team server as its own process for the benchmark, so its CPU time and memory are its own.
 * Configured by argv JSON; tells the parent its URL, answers `stats` with CPU and RSS.
 */
import { startTeamServer, type TeamServerOptions } from '../../server/team-server.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as TeamServerOptions;
const server = await startTeamServer(options);

process.on('message', async (message: { type: string }) => {
  if (message.type === 'stats') {
    process.send?.({ type: 'stats', cpu: process.cpuUsage(), rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
  } else if (message.type === 'stop') {
    await server.stop();
    process.send?.({ type: 'stopped' });
    process.exit(0);
  }
});
process.send?.({ type: 'listening', url: server.url });
