import { z } from 'zod';
import { stream } from './define';
import type { AppErrorShape } from './errors';
import { containerRefSchema, hostIdSchema } from './ids';

/**
 * A point in time as the engine's `since`/`until` accept it: Unix seconds with an optional
 * fraction of up to 9 digits. A string, because nanoseconds do not fit a double next to 1.7e9 s.
 */
export const logTimeSchema = z.string().regex(/^\d{1,12}(\.\d{1,9})?$/, 'not a Unix time in seconds');

/** Largest tail the viewer may ask for as a number; "all" is the way to ask for everything. */
export const MAX_LOG_TAIL = 10_000_000;

export const logsFollowParamsSchema = z
  .strictObject({
    hostId: hostIdSchema,
    id: containerRefSchema,
    /** Keep the stream open for new lines (docker logs -f). */
    follow: z.boolean().default(true),
    /** Lines from the end to start with, or every line. */
    tail: z.union([z.number().int().min(0).max(MAX_LOG_TAIL), z.literal('all')]).default(1000),
    since: logTimeSchema.optional(),
    until: logTimeSchema.optional(),
    /** Each line is prefixed with its RFC 3339 nanosecond timestamp and a space. */
    timestamps: z.boolean().default(false),
    stdout: z.boolean().default(true),
    stderr: z.boolean().default(true),
  })
  .refine((p) => p.stdout || p.stderr, { message: 'choose stdout, stderr or both' });

/**
 * Which stream a run of bytes came from. SYSTEM is the engine's own in-band error stream
 * (type 3, e.g. "Error grabbing logs"), shown as an error line.
 */
export const LOG_STDOUT = 1;
export const LOG_STDERR = 2;
export const LOG_SYSTEM = 3;
export type LogStreamCode = typeof LOG_STDOUT | typeof LOG_STDERR | typeof LOG_SYSTEM;

export type LogEvent =
  /** First event: a TTY container's output is one raw stream (stdout and stderr are not told apart). */
  | { type: 'start'; tty: boolean }
  /**
   * A batch of output as text. `runs` tags it as [stream, length, stream, length, ...] in order
   * (lengths in UTF-16 code units of `text`), so one message carries many interleaved frames.
   * Main decodes UTF-8 with one streaming decoder per stream, so a character split between
   * frames or chunks comes out whole. Text, not bytes: JSON (browser mode) carries strings for
   * free but bytes only as base64, which costs more than the engine takes to read the log.
   */
  | { type: 'data'; text: string; runs: number[] }
  /**
   * Following only: the container stopped. The stream stays open and carries on when the
   * container starts again; it ends when the container is removed.
   */
  | { type: 'stopped' }
  /** Following only: the container started again (after 'stopped' or a restart); new lines follow. */
  | { type: 'restarted' }
  /**
   * Following only: the host was lost (engine down, link cut). Nothing is lost: when the host is
   * back the stream resumes right after the last line sent ('resumed').
   */
  | { type: 'disconnected'; error: AppErrorShape }
  /** The host is back and the stream is following again. */
  | { type: 'resumed' };

export const logsContract = {
  follow: stream<LogEvent>()(logsFollowParamsSchema),
};
