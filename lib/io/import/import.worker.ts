/**
 * The import's worker: a dedicated worker started by the options page for one file, so
 * parsing, planning and writing 200,000 rows never hold the page's main thread. It opens the
 * extension's database itself (a worker of an extension page has the extension's origin).
 */
import { getDb } from '../../db/db';
import { keepNoValues } from '../../db/packed';
import { ImportSession, type ImportEvent, type ImportRequest } from './session';

keepNoValues(); // it reads each page once: keeping them would only raise its memory
const scope = self as unknown as { onmessage: ((e: MessageEvent<ImportRequest>) => void) | null; postMessage(e: ImportEvent): void };
const session = new ImportSession(getDb, (e) => scope.postMessage(e));
scope.onmessage = (e) => void session.handle(e.data);
