/**
 * What the background does for each message, by concern (one file per group). Each handler gets
 * the validated payload and who sent it; every write ends with a change notification so all open
 * views refresh. The type below makes a missing or extra handler a compile error.
 */
import type { MessageType } from '../../messaging/protocol';
import type { Handler } from './common';
import { pageHandlers } from './page';
import { aircoverHandlers } from './aircover';
import { contactsHandlers } from './contacts';
import { accountsHandlers } from './accounts';
import { accountListHandlers } from './account-list';
import { weekHandlers } from './week';
import { dataHandlers } from './data';
import { strategicHandlers } from './strategic';
import { evidenceHandlers } from './evidence';
import { teamHandlers } from './team';

export { UserError, forgetSettings } from './common';
export type { SenderInfo } from '../senders';
export { contextForTab, scopeFor } from './common';

export const handlers: { [K in MessageType]: Handler<K> } = {
  ...pageHandlers,
  ...aircoverHandlers,
  ...contactsHandlers,
  ...accountsHandlers,
  ...accountListHandlers,
  ...weekHandlers,
  ...dataHandlers,
  ...strategicHandlers,
  ...evidenceHandlers,
  ...teamHandlers,
};
