import '@/lib/zod-jitless';
import { defineBackground } from '#imports';
import { setupMessaging } from '@/lib/background/messaging';
import { setupLive } from '@/lib/background/live';
import { setupStorage } from '@/lib/background/storage';
import { setupCommands } from '@/lib/background/commands';
import { setupCustomHosts } from '@/lib/background/custom-hosts';
import { setupTeamSync } from '@/lib/background/team-sync';
import { getDb } from '@/lib/db/db';
import { matchPage } from '@/lib/db/match';
import { putRecords as putRecordsWithCoverage } from '@/lib/db/coverage';
import type { Account, Contact } from '@/lib/domain/schema';

// A classic worker, not a module (`type: 'module'`): Chrome keeps the compiled code of a classic
// service worker's script and starts the next worker from it, where a module worker parsed and
// compiled its ~370 KB again on every start, and a worker starts for most cards (Chrome stops it
// after 30 s idle). Paired cold cards: 35–54 ms sooner (BENCHMARKS.md "The service worker's start").
export default defineBackground({
  main() {
    setupMessaging();
    setupLive();
    setupStorage();
    setupCommands();
    setupCustomHosts();
    setupTeamSync();
    // `wxt build --mode bench` only (removed from every other build): lets the benchmark time the
    // look-up itself inside the worker, without the message round trip around it, and seed its
    // synthetic records through the extension's own writers (pages, key buckets and coverage
    // summaries as every writer keeps them), thousands at a time. `readyAt`: when this worker's
    // script had run (absolute), for the cold card's steps.
    if (import.meta.env.MODE === 'bench') {
      const putRecords = async (accounts: Account[], contacts: Contact[]) => putRecordsWithCoverage(await getDb(), { accounts, contacts });
      Object.assign(globalThis, { tiercoverBench: { getDb, matchPage, putRecords, readyAt: performance.timeOrigin + performance.now() } });
    }
  },
});
