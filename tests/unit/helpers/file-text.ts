/** A file's UTF-8 bytes (an export) as text, its byte order mark kept: what a spreadsheet reads. */
export const fileText = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
