import { utf8Bytes } from '@/lib/io/utf8';

/**
 * Save text, or its UTF-8 bytes made elsewhere (a worker's), as a file through the browser's own
 * download (no `downloads` permission needed).
 */
export function download(filename: string, content: string | Uint8Array<ArrayBuffer>, type: string) {
  const url = URL.createObjectURL(new Blob([typeof content === 'string' ? utf8Bytes(content) : content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
