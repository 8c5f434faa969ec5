/**
 * What the logs may say about input an attacker controls: its shape (types, sizes, key names
 * that look like identifiers), never its values. A secret inside a malformed envelope must not
 * reach a log file, and attacker text must not forge log lines or terminal escapes.
 */
const SAFE_KEY = /^[A-Za-z_$][\w$]{0,31}$/;
const MAX_KEYS = 12;

export function shapeOf(value: unknown, depth = 2): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `string(${value.length})`;
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return `array(${value.length})`;
  if (ArrayBuffer.isView(value)) return `bytes(${value.byteLength})`;
  const keys = Object.keys(value);
  if (depth <= 0) return `object(${keys.length} keys)`;
  const shown = keys.slice(0, MAX_KEYS).map((k) => {
    const name = SAFE_KEY.test(k) ? k : '<key>';
    return `${name}:${shapeOf((value as Record<string, unknown>)[k], depth - 1)}`;
  });
  if (keys.length > MAX_KEYS) shown.push(`…${keys.length - MAX_KEYS} more`);
  return `{${shown.join(',')}}`;
}

/** Escapes control characters (newlines, ESC) and bounds the length of text bound for a log. */
export function escapeLogText(text: string, max = 500): string {
  const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** The shape of a thrown thing: its class and code, with its message escaped. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const tag = typeof code === 'string' && SAFE_KEY.test(code) ? ` ${code}` : '';
    return `${error.name}${tag}: ${escapeLogText(error.message, 200)}`;
  }
  return shapeOf(error);
}
