/**
 * Saves text as a file through the browser (a Blob and a download link): the same in Electron
 * (its download handler) and in browser mode.
 */
export function saveText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some engines read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
