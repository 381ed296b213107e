/**
 * The worker of a backup export, a backup restore or a bundle merge: a dedicated worker started by
 * the options page for one job (`client.ts`), so a big file never holds the page's main thread. It
 * opens the extension's database itself (a worker of an extension page has the extension's origin).
 */
import { getDb } from '../../db/db';
import { keepNoValues } from '../../db/packed';
import { BackupSession, type BackupEvent, type BackupRequest } from './session';

keepNoValues(); // it reads or writes once: values kept for later reads would only raise its memory
const scope = self as unknown as { onmessage: ((e: MessageEvent<BackupRequest>) => void) | null; postMessage(e: BackupEvent, transfer?: Transferable[]): void };
const session = new BackupSession(getDb, (e, transfer) => scope.postMessage(e, transfer ?? []));
scope.onmessage = (e) => void session.handle(e.data);
