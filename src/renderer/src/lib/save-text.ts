/**
 * Saves bytes as a file through the browser (a Blob and a download link): the same in Electron
 * (its download handler) and in browser mode.
 */
export function saveBlob(parts: BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: a large download is still being read after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text as a file (see saveBlob). */
export function saveText(fileName: string, text: string, type: string): void {
  saveBlob([text], fileName, type);
}
