import type { Readable } from 'node:stream';
import { AppError } from '@shared/contract';
import { DEFAULT_MAX_LINE_BYTES, NdjsonSplitter } from './ndjson';

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
 * A line past the byte cap ends the read with an error: no progress line is that long.
 */
export function readJsonLines(
  source: Readable,
  onEvent: (ev: EngineProgress) => void,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const split = new NdjsonSplitter((line) => onEvent(parse(line.trim())), {
      maxLineBytes,
      onOverflow: () => {
        done(new AppError({ code: 'ENGINE_ERROR', message: lineTooLong(maxLineBytes) }));
        source.destroy();
      },
    });
    const done = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (!err) split.end();
      if (err) reject(err);
      else resolve();
    };
    source.on('data', (chunk: Buffer) => {
      if (!settled) split.push(chunk);
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

export function lineTooLong(maxLineBytes: number): string {
  return `The engine sent a line longer than ${Math.round(maxLineBytes / 1024 / 1024)} MiB without a newline; Berthmaster stopped reading that stream.`;
}
