/**
 * The largest message either transport accepts from a renderer: the WebSocket refuses bigger
 * frames before buffering them (ws maxPayload), IPC drops them before they reach the dispatcher.
 * No contract call needs more (file uploads are chunked well below this).
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Deeper than any contract input; also how a cyclic structured-clone payload is caught. */
const MAX_DEPTH = 64;

/**
 * An upper-bound estimate of a structured-clone value's size, stopping as soon as it passes
 * `limit` (so a huge or cyclic payload costs at most `limit` worth of walking). Returns
 * Infinity for values nested deeper than MAX_DEPTH.
 */
export function messageSize(value: unknown, limit = MAX_MESSAGE_BYTES): number {
  let total = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > MAX_DEPTH) {
      total = Number.POSITIVE_INFINITY;
      return false;
    }
    if (typeof v === 'string') total += Buffer.byteLength(v, 'utf8') + 2;
    else if (typeof v === 'number' || typeof v === 'bigint') total += 8;
    else if (v === null || v === undefined || typeof v === 'boolean') total += 1;
    else if (ArrayBuffer.isView(v)) total += v.byteLength;
    else if (v instanceof ArrayBuffer) total += v.byteLength;
    else if (Array.isArray(v)) {
      total += 2;
      for (const item of v) {
        if (total > limit || !walk(item, depth + 1)) return false;
      }
    } else if (v instanceof Map || v instanceof Set) {
      total += 2;
      for (const entry of v.entries()) {
        if (total > limit || !walk(entry, depth + 1)) return false;
      }
    } else if (typeof v === 'object') {
      total += 2;
      for (const key of Object.keys(v)) {
        total += Buffer.byteLength(key, 'utf8') + 3;
        if (total > limit || !walk((v as Record<string, unknown>)[key], depth + 1)) return false;
      }
    } else total += 8;
    return total <= limit;
  };
  walk(value, 0);
  return total;
}

export function isOversized(value: unknown, limit = MAX_MESSAGE_BYTES): boolean {
  return messageSize(value, limit) > limit;
}
