/** Copy and save for the log viewer: the lines go out as plain text, never as one giant string first. */

import { saveBlob } from '../../lib/save-text';

export { copyText } from '../../lib/clipboard';

/** Downloads lines as a text file built from parts (a Blob joins them without one big string). */
export function saveLines(fileName: string, lines: Iterable<string>): number {
  const parts: string[] = [];
  let n = 0;
  for (const line of lines) {
    parts.push(line, '\n');
    n++;
  }
  saveBlob(parts, fileName, 'text/plain;charset=utf-8');
  return n;
}

/** "web-1-2026-01-31-142501.log": safe for any file system. */
export function logFileName(container: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `${container.replace(/[^A-Za-z0-9_.-]+/g, '_')}-${stamp}.log`;
}
