/**
 * The text's UTF-8 bytes, for a Blob or a transfer. Chromium makes a Blob from a string several
 * times slower than from bytes, and registers its URL slower the more parts it has: a marketing
 * pack of 4.2 M characters took 77–99 ms as 64 K string parts (Blob and URL), 44–50 ms as these
 * bytes (BENCHMARKS.md).
 * `encodeInto` writes into one buffer sized for mostly-ASCII text, grown once for the rest where
 * that is short (3 bytes a UTF-16 unit at most); `TextEncoder.encode` alone took longer.
 */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(Math.ceil(text.length * 1.25) + 16);
  const first = encoder.encodeInto(text, bytes);
  if (first.read === text.length) return bytes.subarray(0, first.written);
  // encodeInto stops before a character that does not fit, never inside a surrogate pair.
  const grown = new Uint8Array(first.written + (text.length - first.read) * 3);
  grown.set(bytes.subarray(0, first.written));
  bytes = grown;
  const rest = encoder.encodeInto(text.slice(first.read), bytes.subarray(first.written));
  return bytes.subarray(0, first.written + rest.written);
}

/**
 * A file's UTF-8 bytes written straight into one growing buffer. A big CSV repeats the same
 * pieces on many rows (an account's cells, a contact's links, an item's label): each is encoded
 * once (`encode`) and its bytes copied onto every row (`put`), instead of each row being built as
 * a string, the rows joined, and the whole text encoded again (BENCHMARKS.md: the marketing pack).
 */
export class Utf8Writer {
  private readonly encoder = new TextEncoder();
  private buf: Uint8Array<ArrayBuffer>;
  private at = 0;

  constructor(expectedBytes = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, expectedBytes));
  }

  /** The bytes of `text`, to `put` as often as it repeats. */
  encode(text: string): Uint8Array {
    return this.encoder.encode(text);
  }

  put(bytes: Uint8Array) {
    this.room(bytes.length);
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Text written once (3 bytes a UTF-16 unit at most). */
  append(text: string) {
    this.room(text.length * 3);
    this.at += this.encoder.encodeInto(text, this.buf.subarray(this.at)).written;
  }

  /** What was written: a view of the buffer, not a copy. */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.buf.subarray(0, this.at);
  }

  private room(more: number) {
    if (this.at + more <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + more));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }
}
