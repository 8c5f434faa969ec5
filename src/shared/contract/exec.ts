import { z } from 'zod';
import { call, stream } from './define';
import type { AppErrorShape } from './errors';
import { containerRefSchema, hostIdSchema } from './ids';

/** Session ids are made by main; strict so they can never smuggle anything into a path. */
export const execSessionIdSchema = z.string().regex(/^s-[0-9a-f]{16}$/, 'not a valid session id');
/** One subscriber of a session's output (a terminal view), for byte acks. */
export const execViewerIdSchema = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31);

/** Largest exec.input payload; the renderer splits bigger pastes. */
export const EXEC_INPUT_MAX = 64 * 1024;
/**
 * Output a viewer may have received but not yet written before main pauses the engine stream.
 * With 256 KiB and a resume at 64 KiB the page ran dry while a resume travelled to the engine and
 * back (43% idle in the exec throughput profile): what is left at the resume must last that long.
 */
export const EXEC_FLOW_HIGH = 512 * 1024;
/** ...and the level under which main resumes it: half the window is still to draw then. */
export const EXEC_FLOW_LOW = 256 * 1024;

const NO_NUL = /^[^\0]*$/;
const cmdPart = z.string().min(1).max(4096).regex(NO_NUL, 'must not contain NUL');

/** `auto` runs bash when the container has it, else sh; otherwise the exact argv to run. */
export const shellChoiceSchema = z.union([z.literal('auto'), z.array(cmdPart).min(1).max(64)]);
export type ShellChoice = z.infer<typeof shellChoiceSchema>;

const size = {
  cols: z.number().int().min(2).max(1000),
  rows: z.number().int().min(1).max(500),
};

export const execOpenSchema = z.strictObject({
  hostId: hostIdSchema,
  containerId: containerRefSchema,
  /** Shown on the tab; falls back to the container id. */
  containerName: z.string().max(255).optional(),
  shell: shellChoiceSchema.default('auto'),
  user: z
    .string()
    .regex(
      /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,63}(:[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,63})?$/,
      'not a valid user[:group]',
    )
    .optional(),
  workingDir: z
    .string()
    .max(4096)
    .regex(/^\/[^\0]*$/, 'must be an absolute path')
    .optional(),
  env: z
    .array(
      z
        .string()
        .max(8192)
        .regex(/^[A-Za-z_][A-Za-z0-9_]*=[^\0]*$/, 'must look like NAME=value'),
    )
    .max(64)
    .optional(),
  ...size,
});
export type ExecOpenInput = z.input<typeof execOpenSchema>;
export type ExecOpenParsed = z.output<typeof execOpenSchema>;

export type ExecSessionKind = 'exec' | 'attach';

/**
 * starting: engine calls in flight; running: bytes flow; exited: the process ended (exitCode);
 * detached: an attach session left with the detach keys (the container keeps running);
 * disconnected: the engine or the link went away (the process may still run there).
 */
export type ExecSessionState = 'starting' | 'running' | 'exited' | 'detached' | 'disconnected';

export interface ExecSessionInfo {
  id: string;
  hostId: string;
  containerId: string;
  containerName: string;
  kind: ExecSessionKind;
  /** What runs: the shell argv for exec (the auto probe is shown as "auto"), or "main process". */
  command: string[];
  user?: string;
  state: ExecSessionState;
  /** Set when state is exited; null when the engine could not tell. */
  exitCode?: number | null;
  /** Why the session is disconnected, as a sentence. */
  error?: AppErrorShape;
  cols: number;
  rows: number;
  createdAt: number;
}

/** Everything a subscriber of exec.output receives, in order. */
export type ExecOutputEvent =
  /** First: who this subscriber is (for exec.ack) and the session as it is now. */
  | { type: 'attached'; viewerId: number; session: ExecSessionInfo }
  /** Terminal bytes (raw PTY output; UTF-8 may be split across events). */
  | { type: 'data'; bytes: Uint8Array }
  /** The session ended (exited, detached or disconnected); the stream ends right after. */
  | { type: 'state'; session: ExecSessionInfo };

const session = { sessionId: execSessionIdSchema };

export const execContract = {
  /** Creates and starts an exec with a TTY in the container; the session lives in main. */
  open: call<ExecSessionInfo>()(execOpenSchema, { timeoutMs: 30_000 }),
  /** Attaches to the container's main process (TTY containers only); detach keys ctrl-p ctrl-q. */
  attach: call<ExecSessionInfo>()(
    z.strictObject({
      hostId: hostIdSchema,
      containerId: containerRefSchema,
      containerName: z.string().max(255).optional(),
      ...size,
    }),
    { timeoutMs: 30_000 },
  ),
  /** Opens a new session with the same settings as an ended one, which it replaces. */
  reopen: call<ExecSessionInfo>()(z.strictObject(session), {
    timeoutMs: 30_000,
    hostFields: { sessionId: 'exec' },
  }),
  /** Bytes typed or pasted; `binary` means one byte per character (xterm's onBinary). */
  input: call<void>()(
    z.strictObject({
      ...session,
      data: z.string().min(1).max(EXEC_INPUT_MAX),
      binary: z.boolean().optional(),
    }),
    { timeoutMs: 10_000, hostFields: { sessionId: 'exec' } },
  ),
  /** The terminal's size; reaches the process as SIGWINCH. */
  resize: call<void>()(z.strictObject({ ...session, ...size }), {
    timeoutMs: 15_000,
    hostFields: { sessionId: 'exec' },
  }),
  /** A viewer has written this many bytes of output: lets main send more (flow control). */
  ack: call<void>()(
    z.strictObject({
      ...session,
      viewerId: execViewerIdSchema,
      bytes: z
        .number()
        .int()
        .min(1)
        .max(2 ** 31),
    }),
    { timeoutMs: 5_000 },
  ),
  /** Ends the session (its tab was closed): the engine stream is closed and the record dropped. */
  close: call<void>()(z.strictObject(session), { timeoutMs: 10_000 }),
  /** Every session main holds, oldest first: the renderer rebuilds its tabs from this. */
  list: call<ExecSessionInfo[]>()(z.strictObject({})),
  /** The session's recent output (replayed from its ring buffer), then live output, then its end. */
  output: stream<ExecOutputEvent>()(z.strictObject(session)),
};
