import type { ApiLogBody } from '@shared/contract';
import { redactText } from '@shared/apilog/redact';

/** Bodies are kept for redaction up to this size; larger ones are summarised. */
export const CAPTURE_LIMIT = 256 * 1024;
const NEWLINE = 0x0a;

/** Text shown per body (after redaction). */
export const SHOW_LIMIT = 64 * 1024;

export type BodyKind = ApiLogBody['kind'];

export function bodyKindOf(contentType: string | undefined): BodyKind {
  const ct = (contentType ?? '').toLowerCase();
  if (!ct) return 'none';
  if (ct.includes('json')) return 'json';
  if (ct.startsWith('text/')) return 'text';
  return 'binary';
}

/**
 * Counts a body's bytes and keeps its beginning (text kinds only: binary bodies are counted, never
 * kept). The kept bytes are turned into a redacted view once, when the body ends.
 */
export class BodyCapture {
  bytes = 0;
  private chunks: Buffer[] = [];
  private kept = 0;
  private view: ApiLogBody | undefined;

  constructor(
    private kind: BodyKind,
    private readonly contentType: string | undefined,
  ) {}

  /** The content type may only be known with the first chunk (request bodies written raw). */
  add(chunk: unknown, encoding?: BufferEncoding): void {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, encoding ?? 'utf8')
        : Buffer.isBuffer(chunk)
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
            : undefined;
    if (!buf) return;
    this.bytes += buf.length;
    if (this.kind === 'binary' || this.kind === 'none' || this.kept > CAPTURE_LIMIT) {
      if (this.kind === 'none') this.kind = 'text';
      else return;
    }
    if (this.kept <= CAPTURE_LIMIT) {
      this.chunks.push(buf);
      this.kept += buf.length;
    }
  }

  /** Whether only the body's beginning was kept. */
  private cutShort(): boolean {
    return this.kept > CAPTURE_LIMIT || this.bytes > this.kept;
  }

  /** The redacted view; `final` drops the raw bytes so nothing unredacted stays in memory. */
  render(path: string, final: boolean): ApiLogBody {
    if (this.view) return { ...this.view, bytes: this.bytes };
    const base = this.contentType ? { contentType: this.contentType } : {};
    let view: ApiLogBody;
    if (this.bytes === 0) view = { kind: 'none', text: '', bytes: 0, truncated: false, ...base };
    else if (this.kind === 'binary') {
      view = {
        kind: 'binary',
        text: `${this.bytes.toLocaleString('en')} bytes of ${this.contentType ?? 'binary data'}`,
        bytes: this.bytes,
        truncated: false,
        ...base,
      };
    } else if (this.kept > CAPTURE_LIMIT && this.kind === 'json' && !final) {
      view = {
        kind: 'json',
        text: `${this.bytes.toLocaleString('en')} bytes of JSON so far (too large to show)`,
        bytes: this.bytes,
        truncated: true,
        ...base,
      };
    } else if (this.kind === 'json' && this.cutShort() && !this.chunks.some((c) => c.includes(NEWLINE))) {
      // One JSON document cut short cannot be shown: say so without decoding what was kept
      // (a 1,000-container list decoded 256 KiB per request only to drop it).
      view = {
        kind: 'json',
        text: `${this.bytes.toLocaleString('en')} bytes of JSON (too large to show)`,
        bytes: this.bytes,
        truncated: true,
        ...base,
      };
    } else {
      const raw = Buffer.concat(this.chunks).toString('utf8');
      const cut = this.cutShort();
      const text = redactText(raw, path);
      view = {
        kind: this.kind,
        text: text.length > SHOW_LIMIT ? text.slice(0, SHOW_LIMIT) : text,
        bytes: this.bytes,
        truncated: cut || text.length > SHOW_LIMIT,
        ...base,
      };
    }
    if (final) {
      this.view = view;
      this.chunks = [];
    }
    return view;
  }
}
