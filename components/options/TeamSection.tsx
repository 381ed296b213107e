import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging/client';
import { serverAddress, type ServerAddress } from '@/lib/sync/origin';
import { teamId as teamIdRule, teamToken as teamTokenRule } from '@/lib/sync/config';
import type { TeamStatus } from '@/lib/sync/status';
import { formatNumber, formatRelativeTime, t } from '@/lib/i18n';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { teamStatus, teamStatusError } from './teamStatus';

/** Why an address was refused, in the user's words. */
const addressProblem = (reason: Extract<ServerAddress, { ok: false }>['reason']) =>
  ({
    empty: () => t('options.team.addressEmpty'),
    invalid: () => t('options.team.addressInvalid'),
    scheme: () => t('options.team.addressScheme'),
    insecure: () => t('options.team.addressInsecure'),
  })[reason]();

/** The one sentence saying where sync stands, from the engine's state and problem. */
function stateSentence(s: TeamStatus): string {
  const server = s.serverUrl ?? '';
  const team = s.team ?? '';
  if (s.problem === 'wrong-token') return t('options.team.state.wrongToken', { team });
  if (s.problem === 'unreachable') return t('options.team.state.unreachable', { server });
  if (s.problem === 'update-refused') return t('options.team.state.updateRefused');
  if (s.problem === 'malformed') return t('options.team.state.malformed');
  if (s.problem === 'storage') return t('options.team.state.storage');
  switch (s.state) {
    case 'off':
      return t('options.team.state.off');
    case 'connecting':
      return t('options.team.state.connecting', { server });
    case 'connected':
      return t('options.team.state.connected', { server, team });
    case 'offline':
      return t('options.team.state.offline', { server });
    case 'refused':
      return t('options.team.state.refused', { server });
    case 'error':
      return t('options.team.state.error');
  }
}

/** A clock for "last synced 2 minutes ago", ticking while the section is shown. */
function useNow(everyMs: number) {
  const now = useSignal(Date.now());
  useEffect(() => {
    const id = setInterval(() => (now.value = Date.now()), everyMs);
    return () => clearInterval(id);
  }, []);
  return now;
}

/**
 * Team sync: off by default. Connect asks for the host permission of exactly the typed server
 * (inside the click, since browsers grant it only on a user gesture), then hands the address,
 * team and token to the background; the token is never shown again.
 */
export function TeamSection() {
  const { busy, message, run } = useAction();
  const status = teamStatus.value;
  const serverUrl = useSignal('');
  const team = useSignal('');
  const token = useSignal('');
  const now = useNow(15_000);
  const enabled = !!status?.enabled;

  // Show the saved server and team once they are known (not the token: it stays in the background).
  useEffect(() => {
    if (status?.serverUrl && !serverUrl.value) serverUrl.value = status.serverUrl;
    if (status?.team && !team.value) team.value = status.team;
  }, [status?.serverUrl, status?.team]);

  const connect = (e: Event) => {
    e.preventDefault();
    const address = serverAddress(serverUrl.value);
    const teamId = team.value.trim();
    const secret = token.value;
    if (!address.ok) return void (message.value = { kind: 'error', text: addressProblem(address.reason) });
    if (!teamId) return void (message.value = { kind: 'error', text: t('options.team.teamEmpty') });
    if (!teamIdRule.safeParse(teamId).success) return void (message.value = { kind: 'error', text: t('options.team.teamInvalid') });
    if (!secret) return void (message.value = { kind: 'error', text: t('options.team.tokenEmpty') });
    if (!teamTokenRule.safeParse(secret).success) return void (message.value = { kind: 'error', text: t('options.team.tokenInvalid') });
    // Asked before any await: Chrome and Firefox grant an optional permission only while the
    // click (or Enter) that asked is still the current user gesture.
    const granted = browser.permissions.request({ origins: [address.origin] });
    void run(async () => {
      if (!(await granted.catch(() => false))) throw new Error(t('options.team.denied', { host: address.host }));
      teamStatus.value = await send('teamConnect', { serverUrl: address.url, team: teamId, token: secret });
      token.value = '';
      serverUrl.value = address.url;
      return t('options.team.saved', { server: address.url, team: teamId });
    });
  };

  const disconnect = () =>
    void run(async () => {
      const was = status?.serverUrl ? serverAddress(status.serverUrl) : undefined;
      teamStatus.value = await send('teamDisconnect', {});
      // Sync off means no request to that server: its permission goes too (asked again on Connect).
      if (was?.ok) await browser.permissions.remove({ origins: [was.origin] }).catch(() => false);
      return t('options.team.disconnected');
    });

  return (
    <section class="card" aria-labelledby="team-h" data-testid="team-section">
      <h2 id="team-h">{t('options.team.heading')}</h2>
      <p class="muted">{t('options.team.intro')}</p>
      <p data-testid="team-where">{t('options.team.where')}</p>
      {/* Our own checks and messages (in the user's language), not the browser's URL bubble. */}
      <form noValidate onSubmit={connect}>
        <label for="team-server">{t('options.team.server')}</label>
        <input
          id="team-server"
          data-testid="team-server"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="wss://sync.example.com"
          size={40}
          value={serverUrl.value}
          onInput={(e) => (serverUrl.value = (e.target as HTMLInputElement).value)}
        />
        <label for="team-name">{t('options.team.team')}</label>
        <input
          id="team-name"
          data-testid="team-name"
          autoComplete="off"
          spellcheck={false}
          value={team.value}
          onInput={(e) => (team.value = (e.target as HTMLInputElement).value)}
        />
        <label for="team-token">{t('options.team.token')}</label>
        <input
          id="team-token"
          data-testid="team-token"
          type="password"
          autoComplete="new-password"
          aria-describedby="team-token-note"
          value={token.value}
          onInput={(e) => (token.value = (e.target as HTMLInputElement).value)}
        />
        <p id="team-token-note" class="muted" data-testid="team-token-note" data-saved={enabled ? 'true' : 'false'}>
          {enabled ? t('options.team.tokenSaved') : t('options.team.tokenNote')}
        </p>
        <div class="row">
          <button type="submit" class="primary" data-testid="team-connect" disabled={busy.value}>
            {enabled ? t('options.team.reconnect') : t('options.team.connect')}
          </button>
          {enabled && (
            <button type="button" data-testid="team-disconnect" disabled={busy.value} onClick={disconnect}>
              {t('options.team.disconnect')}
            </button>
          )}
        </div>
      </form>
      {teamStatusError.value && <p class="status error" role="alert">{teamStatusError.value}</p>}
      {status && (
        // An unreachable server is waiting (amber), not a fault: edits are kept and sent later.
        <div class={`team-state ${(status.problem && status.problem !== 'unreachable') || status.state === 'error' ? 'problem' : status.problem === 'unreachable' ? 'offline' : status.state}`} data-testid="team-state" data-state={status.state} data-problem={status.problem ?? ''} role="status">
          <b>{stateSentence(status)}</b>
          {status.enabled && (
            <span data-testid="team-pending">
              {' '}
              {status.pending > 0 ? t('options.team.pending', status.pending, { count: formatNumber(status.pending) }) : t('options.team.nothingPending')}
            </span>
          )}
          {status.enabled && (
            <span data-testid="team-last-synced">
              {' '}
              {status.lastSyncedAt ? t('options.team.lastSynced', { when: formatRelativeTime(status.lastSyncedAt, now.value) }) : t('options.team.neverSynced')}
            </span>
          )}
        </div>
      )}
      <Status message={message} testId="team-status" />
    </section>
  );
}
