/**
 * Where team documents rest between connections: one row per document name holding the whole
 * Yjs state. A store never loses what it already holds: a new state is merged into the stored one
 * (Yjs updates merge without conflict), so two nodes storing the same document at nearly the same
 * moment, each with a slightly different copy, both end up in the row.
 */
export interface DocumentStore {
  /** The stored state of a document, or null if it was never stored. */
  fetch(name: string): Promise<Uint8Array | null>;
  /** Merges `state` into the stored state of `name` (creating the row if needed). */
  store(name: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
