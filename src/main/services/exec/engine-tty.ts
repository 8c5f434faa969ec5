import net from 'node:net';
import { Readable, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { AppError, type ShellChoice } from '@shared/contract';
import { AUTO_SHELL } from '@shared/apilog/form-requests';

/** How a TTY stream ended, read from the engine after the stream closed. */
export type TtyOutcome =
  | { state: 'exited'; exitCode: number | null }
  | { state: 'detached' }
  /** The stream is gone but the process still runs: the link broke. */
  | { state: 'running' };

/** A hijacked TTY stream to a process in a container, plus its engine-side controls. */
export interface EngineTty {
  socket: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  /** Asks the engine how it ended; call only after the socket ended. */
  outcome(): Promise<TtyOutcome>;
  /** Ends the processes of a session whose tab was closed (exec only; attach leaves them). */
  hangup?(): Promise<void>;
}

export interface ExecSpec {
  containerId: string;
  /** Put in the process's environment so its processes can be found again (see hangup). */
  marker: string;
  shell: ShellChoice;
  user?: string;
  workingDir?: string;
  env?: string[];
}

/** Terminal capabilities the xterm view has; the user's env may override them. */
const TTY_ENV = ['TERM=xterm-256color', 'COLORTERM=truecolor'];
export const MARKER_VAR = 'BERTHMASTER_SESSION';

/**
 * Sends SIGHUP, as a terminal hangup would, to every process carrying the session's marker in its
 * environment: the shell and what it started. Needed because the engine does not end an exec when
 * its connection closes; it only closes the stdin, which a shell at a prompt never reads as EOF
 * through a TTY. Processes that ignore SIGHUP (nohup) survive, as in a real terminal.
 */
const HANGUP_SCRIPT = `for d in /proc/[0-9]*; do grep -q "${MARKER_VAR}=$1" "$d/environ" 2>/dev/null && kill -HUP "\${d#/proc/}" 2>/dev/null; done; true`;

const RESIZE_RETRIES = 10;
const OUTCOME_POLLS = 10;
const OUTCOME_POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Long-lived hijacked sockets: TCP keepalive (as the docker CLI does, every 30 s) so a dead peer
 * is noticed even when the shell is idle. Unix sockets and SSH channels have nothing to set.
 */
function keepAlive(socket: Duplex): void {
  if (socket instanceof net.Socket) {
    socket.setKeepAlive(true, 30_000);
    socket.setNoDelay(true);
  }
}

/**
 * Resize with the docker CLI's retry (an exec may not have started yet). Podman's compat API
 * answers 201, which dockerode reports as an error although the size was set.
 */
async function resizeWithRetry(fn: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fn();
      return;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 201) return;
      if (attempt >= RESIZE_RETRIES - 1 || (e as { statusCode?: number }).statusCode === 404) throw e;
      await sleep((attempt + 1) * 10);
    }
  }
}

/** Resolves `work`, but gives up when `signal` aborts; a late socket is destroyed, not leaked. */
function abortable(work: Promise<Duplex>, signal: AbortSignal): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason ?? new AppError({ code: 'CANCELLED', message: 'The request was cancelled.' }));
      work.then(
        (s) => s.destroy(),
        () => undefined,
      );
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (s) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) s.destroy();
        else resolve(s);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * `docker exec -it`: create the exec with a TTY and stdin, then start it hijacked. Tty must also be
 * in the START body: the daemon decides from it whether to multiplex the output.
 */
export async function startExec(docker: Docker, spec: ExecSpec, signal: AbortSignal): Promise<EngineTty> {
  const container = docker.getContainer(spec.containerId);
  const opts: Docker.ExecCreateOptions = {
    Cmd: spec.shell === 'auto' ? AUTO_SHELL : spec.shell,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
    Env: [...TTY_ENV, ...(spec.env ?? []), `${MARKER_VAR}=${spec.marker}`],
    abortSignal: signal,
  };
  if (spec.user) opts.User = spec.user;
  if (spec.workingDir) opts.WorkingDir = spec.workingDir;
  const exec = await container.exec(opts);
  // No abortSignal on the hijacked request itself: aborting it later would tear the live socket down.
  const socket = await abortable(exec.start({ hijack: true, stdin: true, Tty: true }), signal);
  keepAlive(socket);
  return {
    socket,
    resize: (cols, rows) => resizeWithRetry(() => exec.resize({ h: rows, w: cols })),
    async outcome() {
      // The stream closing is the exit signal; the exit code can lag it by a moment.
      for (let i = 0; i < OUTCOME_POLLS; i++) {
        const info = await exec.inspect({ abortSignal: AbortSignal.timeout(5_000) });
        if (!info.Running) return { state: 'exited', exitCode: info.ExitCode };
        await sleep(OUTCOME_POLL_MS);
      }
      return { state: 'running' };
    },
    async hangup() {
      // Same user as the session: it may end its own processes, and nothing more.
      const kill: Docker.ExecCreateOptions = {
        Cmd: ['/bin/sh', '-c', HANGUP_SCRIPT, 'hangup', spec.marker],
        AttachStdout: false,
        AttachStderr: false,
        abortSignal: AbortSignal.timeout(5_000),
      };
      if (spec.user) kill.User = spec.user;
      const killer = await container.exec(kill);
      await killer.start({ Detach: true, abortSignal: AbortSignal.timeout(5_000) });
    },
  };
}

/**
 * A body that makes Node send the request headers without sending a body: the attach endpoint
 * does not read one, so dockerode's JSON body would reach the process's stdin (dockerode #249).
 */
class HeadersOnly extends Readable {
  override _read(): void {}
  override pipe<T extends NodeJS.WritableStream>(dest: T): T {
    dest.write(Buffer.alloc(0));
    return dest;
  }
}

export const DETACH_KEYS = 'ctrl-p,ctrl-q';

/** What attach needs to know about the container first. */
export interface AttachTarget {
  name: string;
}

/** Checks that the container runs with a TTY and open stdin; attaching to anything else is useless. */
export async function inspectForAttach(docker: Docker, containerId: string, signal: AbortSignal) {
  const info = await docker.getContainer(containerId).inspect({ abortSignal: signal });
  const name = info.Name.replace(/^\//, '');
  if (!info.State.Running) {
    throw new AppError({ code: 'CONFLICT', message: `${name} is not running: start it to attach.` });
  }
  if (!info.Config.Tty || !info.Config.OpenStdin) {
    throw new AppError({
      code: 'CONFLICT',
      message: `${name} was not started with a terminal (docker run -it): open a shell in it instead.`,
    });
  }
  return { name };
}

/** `docker attach` to a TTY container's main process; the engine detaches on ctrl-p ctrl-q. */
export async function startAttach(
  docker: Docker,
  containerId: string,
  signal: AbortSignal,
): Promise<EngineTty> {
  const container = docker.getContainer(containerId);
  const dial = new Promise<Duplex>((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${containerId}/attach?`,
        method: 'POST',
        isStream: true,
        hijack: true,
        openStdin: true,
        statusCodes: { 101: true, 200: true, 404: 'no such container', 409: 'conflict', 500: 'server error' },
        headers: { 'Content-Type': 'text/plain' },
        file: new HeadersOnly(),
        options: {
          _query: { stream: 1, stdin: 1, stdout: 1, stderr: 1, detachKeys: DETACH_KEYS },
          _body: {},
        },
      },
      (err, result) => (err ? reject(err) : resolve(result as Duplex)),
    );
  });
  const socket = await abortable(dial, signal);
  keepAlive(socket);
  return {
    socket,
    resize: (cols, rows) => resizeWithRetry(() => container.resize({ h: rows, w: cols })),
    async outcome() {
      const info = await container.inspect({ abortSignal: AbortSignal.timeout(5_000) });
      return info.State.Running ? { state: 'detached' } : { state: 'exited', exitCode: info.State.ExitCode };
    },
  };
}
