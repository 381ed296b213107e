/** Team sync: its status, connecting and disconnecting (lib/background/team-sync.ts). */
import { teamConnect, teamDisconnect, teamStatus } from '../team-sync';
import type { Handler } from './common';

export const teamHandlers: { [K in 'teamStatus' | 'teamConnect' | 'teamDisconnect']: Handler<K> } = {
  teamStatus: () => teamStatus(),
  teamConnect: (p) => teamConnect(p),
  teamDisconnect: () => teamDisconnect(),
};
