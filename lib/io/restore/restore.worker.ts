/**
 * The worker of a backup restore or a bundle merge: a dedicated worker started by the options
 * page for one file (`client.ts`), so a big file never holds the page's main thread. It opens the
 * extension's database itself (a worker of an extension page has the extension's origin).
 */
import { getDb } from '../../db/db';
import { keepNoValues } from '../../db/packed';
import { RestoreSession, type RestoreEvent, type RestoreRequest } from './session';

keepNoValues(); // it writes once: values kept for later reads would only raise its memory
const scope = self as unknown as { onmessage: ((e: MessageEvent<RestoreRequest>) => void) | null; postMessage(e: RestoreEvent): void };
const session = new RestoreSession(getDb, (e) => scope.postMessage(e));
scope.onmessage = (e) => void session.handle(e.data);
