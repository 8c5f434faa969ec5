import { AppError, type Endpoint, type HostStatus } from '@shared/contract';
import { heartbeatFailure } from '../../errors/connection-lost';
import { toAppError } from '../../errors/to-app-error';
import { withoutOrigin } from '../../rpc/call-origin';
import { ConnectionLog } from './connection-log';
import { openEngineClient, readEngineInfo, type EngineClient, type EngineClientDeps } from './engine-client';
import { enginePing } from './system-calls';
import { heartbeatDelay } from './heartbeat-policy';

const PING_TIMEOUT_MS = 5_000;
const BACKOFF_MIN_MS = 1_000;
// Capped low so a host that comes back is reconnected within seconds.
const BACKOFF_MAX_MS = 4_000;

/**
 * One host's engine connection: connect, heartbeat, reconnect with capped backoff. Calls to a host
 * that is down fail at once with its last error instead of waiting on the network.
 */
export class HostConnection {
  readonly log = new ConnectionLog();
  private status: HostStatus = { state: 'connecting', since: Date.now() };
  private client: EngineClient | undefined;
  private attempt: Promise<EngineClient> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private holds = 0;
  private disposed = false;
  private generation = 0;

  constructor(
    private readonly label: () => string,
    private endpoint: Endpoint,
    private readonly deps: EngineClientDeps,
    private readonly onStatus: () => void,
  ) {}

  getStatus(): HostStatus {
    return this.status;
  }

  start(): void {
    void this.connect().catch(() => undefined);
  }

  /** Swaps the endpoint (host edited) and reconnects. */
  setEndpoint(endpoint: Endpoint): void {
    this.endpoint = endpoint;
    this.dropClient();
    this.failures = 0;
    this.start();
  }

  reconnect(): void {
    if (this.status.state === 'connecting' && this.attempt) return;
    this.failures = 0;
    this.dropClient();
    this.start();
  }

  /** The connected client; waits for an attempt in flight; fails fast when the host is down. */
  async getClient(): Promise<EngineClient> {
    if (this.client) return this.client;
    if (this.attempt) return this.attempt;
    const err = this.status.error;
    throw new AppError({
      code: err?.code ?? 'ENGINE_UNREACHABLE',
      message: `${this.label()} is not connected${err ? `: ${err.message}` : '.'}`,
    });
  }

  private setStatus(next: HostStatus) {
    this.status = next;
    this.onStatus();
  }

  private connect(): Promise<EngineClient> {
    if (this.disposed) return Promise.reject(new Error('disposed'));
    if (this.attempt) return this.attempt;
    clearTimeout(this.timer);
    const gen = ++this.generation;
    const started = Date.now();
    if (this.status.state !== 'connecting') this.setStatus({ state: 'connecting', since: started });
    this.log.add('info', `Connecting to ${this.describeEndpoint()}`);
    const attempt = (async () => {
      const client = await openEngineClient(this.endpoint, this.deps);
      try {
        const engine = await readEngineInfo(client, AbortSignal.timeout(PING_TIMEOUT_MS));
        return { client, engine };
      } catch (e) {
        client.close();
        throw e;
      }
    })();
    this.attempt = attempt.then(
      ({ client, engine }) => {
        if (gen !== this.generation || this.disposed) {
          client.close();
          throw new AppError({ code: 'CANCELLED', message: 'Connection attempt superseded.' });
        }
        this.attempt = undefined;
        this.client = client;
        this.failures = 0;
        this.log.add(
          'info',
          `Connected: Docker ${engine.engineVersion}, API ${client.apiVersion}`,
          Date.now() - started,
        );
        this.setStatus({ state: 'connected', since: Date.now(), engine });
        this.scheduleHeartbeat();
        return client;
      },
      (e: unknown) => {
        if (gen !== this.generation) throw e;
        this.attempt = undefined;
        const error = toAppError(e);
        this.log.add('error', `${error.code}: ${error.message}`, Date.now() - started);
        this.fail(error);
        throw new AppError(error);
      },
    );
    return this.attempt;
  }

  private fail(error: ReturnType<typeof toAppError>) {
    this.dropClient();
    if (this.disposed) return;
    // Host key questions need the user; retrying would only repeat them.
    const needsUser = error.code === 'SSH_HOST_KEY_UNKNOWN' || error.code === 'SSH_HOST_KEY_CHANGED';
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.failures);
    this.failures++;
    const status: HostStatus = { state: 'error', since: Date.now(), error };
    if (!needsUser) {
      status.retryAt = Date.now() + delay;
      this.timer = setTimeout(() => withoutOrigin(() => this.start()), delay);
    }
    this.setStatus(status);
  }

  private scheduleHeartbeat() {
    clearTimeout(this.timer);
    this.timer = undefined;
    const delay = heartbeatDelay(this.endpoint.kind, this.holds);
    // Timers inherit the async context: a heartbeat is nobody's click (API log origin).
    if (delay !== undefined) this.timer = setTimeout(() => withoutOrigin(() => void this.heartbeat()), delay);
  }

  /**
   * Something interactive (a terminal) depends on this host until the returned function is
   * called: the host is pinged meanwhile (heartbeat-policy.ts).
   */
  hold(): () => void {
    this.holds++;
    if (this.holds === 1 && this.client && this.timer === undefined) this.scheduleHeartbeat();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      // The last hold gone: a host that is not pinged idle stops now, not after one more ping.
      if (this.holds === 0 && this.client && heartbeatDelay(this.endpoint.kind, 0) === undefined)
        this.scheduleHeartbeat();
    };
  }

  /** Runs the heartbeat now (when connected); a failure flips the state at once. */
  checkNow(): void {
    if (this.client) {
      clearTimeout(this.timer);
      withoutOrigin(() => void this.heartbeat());
    }
  }

  private async heartbeat() {
    const client = this.client;
    if (!client || this.disposed) return;
    const started = Date.now();
    try {
      await enginePing(client.docker, AbortSignal.timeout(PING_TIMEOUT_MS));
      if (this.client === client) this.scheduleHeartbeat();
    } catch (e) {
      if (this.client !== client) return;
      const shaped = heartbeatFailure(
        toAppError(e, { address: client.address }),
        client.address,
        PING_TIMEOUT_MS,
      );
      this.log.add('error', `Heartbeat failed: ${shaped.message}`, Date.now() - started);
      this.fail(shaped);
    }
  }

  private dropClient() {
    clearTimeout(this.timer);
    this.generation++;
    this.attempt = undefined;
    this.client?.close();
    this.client = undefined;
  }

  private describeEndpoint(): string {
    const e = this.endpoint;
    switch (e.kind) {
      case 'socket':
        return `socket ${e.socketPath}`;
      case 'tcp':
        return `tcp://${e.host}:${e.port} (unencrypted)`;
      case 'tls':
        return `tcp+tls://${e.host}:${e.port}`;
      case 'ssh':
        return `ssh://${e.user ? `${e.user}@` : ''}${e.host}${e.port ? `:${e.port}` : ''}`;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.dropClient();
  }
}
