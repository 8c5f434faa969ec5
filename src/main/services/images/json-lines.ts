import type { Readable } from 'node:stream';

/** One line of the engine's progress JSON (pull, push, build, load): every field is optional. */
export interface EngineProgress {
  id?: string;
  status?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  error?: string;
  errorDetail?: { code?: number; message?: string };
  aux?: { ID?: string; Tag?: string; Digest?: string; Size?: number };
}

/** Lines longer than this are not progress JSON; they are cut rather than buffered forever. */
const MAX_LINE = 1024 * 1024;

function parse(line: string): EngineProgress {
  try {
    const v: unknown = JSON.parse(line);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as EngineProgress;
  } catch {
    // not JSON: keep the text
  }
  return { stream: `${line}\n` };
}

/**
 * Reads a newline-delimited JSON stream, calling `onEvent` per object, and resolves at its end.
 * Unlike docker-modem's followProgress it never throws on a bad line, and errors stay in-band:
 * the caller looks at `error`/`errorDetail` itself (the engine answers 200 and fails later).
 */
export function readJsonLines(source: Readable, onEvent: (ev: EngineProgress) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let rest = '';
    let settled = false;
    const done = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (rest.trim()) onEvent(parse(rest.trim()));
      rest = '';
      if (err) reject(err);
      else resolve();
    };
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      rest += chunk;
      let nl = rest.indexOf('\n');
      while (nl >= 0) {
        const line = rest.slice(0, nl).replace(/\r$/, '').trim();
        rest = rest.slice(nl + 1);
        if (line) onEvent(parse(line));
        nl = rest.indexOf('\n');
      }
      if (rest.length > MAX_LINE) rest = rest.slice(-MAX_LINE);
    });
    source.once('end', () => done());
    source.once('error', (e: Error) => done(e));
    // A response destroyed before 'end' (abort) only closes.
    source.once('close', () => {
      if (!source.readableEnded) done(new Error('The engine closed the stream early.'));
      else done();
    });
  });
}
