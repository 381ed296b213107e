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
