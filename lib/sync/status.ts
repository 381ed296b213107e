/**
 * What the Team section and the side panel are told about team sync. No token, ever: the token
 * lives only in storage.local under its own key (lib/sync/config.ts). Problems are codes, not
 * sentences: the pages pick the words in the user's language.
 */

export const TEAM_STATES = ['off', 'connecting', 'connected', 'offline', 'refused', 'error'] as const;
export type TeamState = (typeof TEAM_STATES)[number];

/**
 * - unreachable: the server did not answer (down, wrong address, no network); retried.
 * - wrong-token: the server refused the team's token; not retried until the settings change.
 * - update-refused: the server refused or dropped an update (too big); local data unchanged.
 * - malformed: a record from the server did not pass the data model's checks; it was skipped.
 * - storage: the browser's storage failed (the local copy of the team document or the database).
 */
export const TEAM_PROBLEMS = ['unreachable', 'wrong-token', 'update-refused', 'malformed', 'storage'] as const;
export type TeamProblem = (typeof TEAM_PROBLEMS)[number];

export interface TeamStatus {
  /** Sync is configured and switched on (it stays on while offline). */
  enabled: boolean;
  serverUrl?: string;
  team?: string;
  state: TeamState;
  problem?: TeamProblem;
  /** When the server last confirmed it has every local change (epoch ms). */
  lastSyncedAt?: number;
  /** Local changes the server has not confirmed yet (0 when all are synced). */
  pending: number;
}

export const TEAM_STATUS_OFF: TeamStatus = { enabled: false, state: 'off', pending: 0 };
