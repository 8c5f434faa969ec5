/** Copy and save for the log viewer: the lines go out as plain text, never as one giant string first. */

/** Puts text on the clipboard; falls back to a hidden textarea where the async API is unavailable. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The clipboard is not available here.');
}

/** Downloads lines as a text file built from parts (a Blob joins them without one big string). */
export function saveLines(fileName: string, lines: Iterable<string>): number {
  const parts: string[] = [];
  let n = 0;
  for (const line of lines) {
    parts.push(line, '\n');
    n++;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; give the browser a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return n;
}

/** "web-1-2026-01-31-142501.log": safe for any file system. */
export function logFileName(container: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `${container.replace(/[^A-Za-z0-9_.-]+/g, '_')}-${stamp}.log`;
}
