import { decodeJson, holdsBytes } from './json-codec';

/**
 * WebSocket frames for the protocol's envelopes. A message without byte arrays is a text frame of
 * plain JSON. A message holding bytes (terminal output, uploads, file reads) is one binary frame,
 * so the bytes cross as they are instead of as base64 inside JSON (a third larger, and encoded,
 * escaped and decoded on both sides):
 *
 *   u32 little-endian n | n bytes of UTF-8 JSON | payload
 *
 * In the JSON every byte array is replaced by {"$bin": [offset, length]} into the payload. The
 * decoder returns views into the received frame: the bytes are not copied again.
 * Electron IPC needs none of this: structured clone carries typed arrays as they are.
 */
export type Frame = string | Uint8Array;

const BIN_KEY = '$bin';
const HEADER_LENGTH_BYTES = 4;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeFrame(message: unknown): Frame {
  if (!holdsBytes(message)) return JSON.stringify(message);
  const parts: Uint8Array[] = [];
  const header = JSON.stringify(withRefs(message, parts));
  let payloadLength = 0;
  for (const part of parts) payloadLength += part.byteLength;
  const head = encoder.encode(header);
  const frame = new Uint8Array(HEADER_LENGTH_BYTES + head.byteLength + payloadLength);
  new DataView(frame.buffer).setUint32(0, head.byteLength, true);
  frame.set(head, HEADER_LENGTH_BYTES);
  let at = HEADER_LENGTH_BYTES + head.byteLength;
  for (const part of parts) {
    frame.set(part, at);
    at += part.byteLength;
  }
  return frame;
}

/**
 * A copy of `value` with each byte array replaced by its reference into the payload. Done before
 * JSON.stringify, not in a replacer: a Node Buffer's toJSON would first turn every byte into a
 * number of a JSON array (~2 ms for 64 KiB).
 */
function withRefs(value: unknown, parts: Uint8Array[], at = { offset: 0 }): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Uint8Array) {
    parts.push(value);
    const ref = { [BIN_KEY]: [at.offset, value.byteLength] };
    at.offset += value.byteLength;
    return ref;
  }
  // Dates and the like serialize themselves.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (Array.isArray(value)) return value.map((item) => withRefs(item, parts, at));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    out[key] = withRefs((value as Record<string, unknown>)[key], parts, at);
  return out;
}

/** Decodes a text or binary frame; throws on a malformed one (the transport drops it). */
export function decodeFrame(frame: string | ArrayBuffer | Uint8Array): unknown {
  if (typeof frame === 'string') return decodeJson(frame);
  const bytes = frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  if (bytes.byteLength < HEADER_LENGTH_BYTES) throw new Error('binary frame shorter than its header');
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const payloadStart = HEADER_LENGTH_BYTES + headLength;
  if (payloadStart > bytes.byteLength) throw new Error('binary frame header longer than the frame');
  const header = decoder.decode(bytes.subarray(HEADER_LENGTH_BYTES, payloadStart));
  const payloadLength = bytes.byteLength - payloadStart;
  return JSON.parse(header, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const ref = (v as Record<string, unknown>)[BIN_KEY];
    if (ref === undefined || Object.keys(v).length !== 1) return v;
    if (
      !Array.isArray(ref) ||
      ref.length !== 2 ||
      !ref.every((n) => Number.isInteger(n) && (n as number) >= 0) ||
      (ref[0] as number) + (ref[1] as number) > payloadLength
    ) {
      throw new Error('binary frame refers to bytes outside its payload');
    }
    // A plain Uint8Array view (not a Node Buffer), whichever side decodes it.
    return new Uint8Array(
      bytes.buffer,
      bytes.byteOffset + payloadStart + (ref[0] as number),
      ref[1] as number,
    );
  });
}
