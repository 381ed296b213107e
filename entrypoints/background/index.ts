import { defineBackground } from '#imports';
import { setupMessaging } from '@/lib/background/messaging';
import { setupLive } from '@/lib/background/live';
import { setupStorage } from '@/lib/background/storage';
import { setupCommands } from '@/lib/background/commands';
import { setupCustomHosts } from '@/lib/background/custom-hosts';

export default defineBackground({
  type: 'module',
  main() {
    setupMessaging();
    setupLive();
    setupStorage();
    setupCommands();
    setupCustomHosts();
  },
});
