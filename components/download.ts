/** Save text as a file through the browser's own download (no `downloads` permission needed). */
export function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob(textParts(text), { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Text as parts of at most `size` characters, for a Blob. Chromium builds a Blob from one big
 * string several times slower than from the same text in parts: a 5 MB CSV took 95–270 ms as one
 * string and 30–100 ms in 64 K parts (BENCHMARKS.md). A part never ends between the two halves of
 * a surrogate pair: each half alone would be written as U+FFFD.
 */
export function textParts(text: string, size = 65_536): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts;
}
