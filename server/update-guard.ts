/**
 * Refuses, before Hocuspocus applies it, a message that is too large or whose Yjs payload cannot be
 * decoded. The refused connection is closed for that document with one of the reasons below (the
 * provider's `onClose` receives it as `event.reason`), and the document stays as it was.
 */
import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Close reasons a client can match on (`onClose({ event }) => event.reason`). */
export const REFUSAL = {
  tooLarge: 'update-too-large',
  malformed: 'malformed-update',
} as const;

export const DEFAULT_MAX_UPDATE_BYTES = 2 * 1024 * 1024;

/** y-protocols/sync sub-types inside a Sync message. */
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** A close code in the application range (4000-4999); Hocuspocus passes it to `Connection.close`. */
const REFUSED_CODE = 4400;

export class UpdateGuard implements Extension {
  extensionName = 'TiercoverUpdateGuard';
  // Before every other hook that looks at messages.
  priority = 2000;
  readonly #maxBytes: number;
  readonly #log: (line: string) => void;

  constructor(maxBytes: number, log: (line: string) => void) {
    this.#maxBytes = maxBytes;
    this.#log = log;
  }

  async beforeHandleMessage({ update, documentName }: beforeHandleMessagePayload): Promise<void> {
    if (update.byteLength > this.#maxBytes) {
      this.#log(`refused a message of ${update.byteLength} bytes for "${documentName}": over the limit of ${this.#maxBytes} bytes`);
      throw { code: REFUSED_CODE, reason: REFUSAL.tooLarge };
    }
    if (!isWellFormed(update)) {
      this.#log(`refused a malformed message for "${documentName}"`);
      throw { code: REFUSED_CODE, reason: REFUSAL.malformed };
    }
  }
}

/**
 * Decodes the message the way Hocuspocus will, and the Yjs payload of a sync message completely,
 * so garbage is refused here rather than half-read inside the document.
 */
export function isWellFormed(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // the document address
    const type = decoding.readVarUint(decoder);
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return true;
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === SYNC_STEP_1) Y.decodeStateVector(payload);
    else if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) Y.decodeUpdate(payload);
    else return false;
    return true;
  } catch {
    return false;
  }
}
