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
    // look-up itself inside the worker, without the message round trip around it.
    if (import.meta.env.MODE === 'bench') Object.assign(globalThis, { tiercoverBench: { getDb, matchPage } });
  },
});
