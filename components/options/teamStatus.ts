import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging/client';
import { isPush } from '@/lib/messaging/push';
import type { TeamStatus } from '@/lib/sync/status';

/**
 * Team sync's status, shared by the options page's sections (the Team section shows it, the data
 * section's backup advice depends on it). Null until the background has answered once.
 */
export const teamStatus = signal<TeamStatus | null>(null);
/** Why the status could not be read (the background did not answer), for the Team section. */
export const teamStatusError = signal<string | null>(null);

/**
 * Ask once, then follow the engine's `teamStatusChanged` pushes while the page is open: the state
 * changes on its own (the server goes away, a change is acknowledged), not only after a click.
 */
export function useTeamStatus() {
  useEffect(() => {
    // A push that lands before the first answer is newer than that answer: keep the push.
    let pushed = false;
    const onPush = (m: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || !isPush(m, 'teamStatusChanged')) return;
      pushed = true;
      teamStatus.value = m.status;
    };
    browser.runtime.onMessage.addListener(onPush);
    send('teamStatus', {})
      .then((s) => {
        if (!pushed) teamStatus.value = s;
        teamStatusError.value = null;
      })
      .catch((e: Error) => (teamStatusError.value = e.message));
    return () => browser.runtime.onMessage.removeListener(onPush);
  }, []);
}
