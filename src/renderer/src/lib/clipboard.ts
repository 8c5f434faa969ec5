/**
 * Puts text on the clipboard; where the async API is missing or refused (plain-http browser mode,
 * a denied permission) it falls back to a hidden textarea. Rejects when neither works.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      // ok stays false
    }
    area.remove();
    if (!ok) throw new Error('The clipboard is not available here.');
  }
}
