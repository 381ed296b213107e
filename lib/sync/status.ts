/** What the options page shows about team sync (contract shared with the sync engine). */
export interface TeamStatus {
  enabled: boolean;
  serverUrl?: string;
  team?: string;
  state: 'off' | 'connecting' | 'connected' | 'offline' | 'refused' | 'error';
  problem?: 'unreachable' | 'wrong-token' | 'update-refused' | 'malformed' | 'storage';
  lastSyncedAt?: number;
  pending: number;
}
