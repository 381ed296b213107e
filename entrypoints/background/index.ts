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

export default defineBackground({
  type: 'module',
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
    // summaries as every writer keeps them), thousands at a time.
    if (import.meta.env.MODE === 'bench') {
      const putRecords = async (accounts: Account[], contacts: Contact[]) => putRecordsWithCoverage(await getDb(), { accounts, contacts });
      Object.assign(globalThis, { tiercoverBench: { getDb, matchPage, putRecords } });
    }
  },
});
