import http from 'node:http';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig } from 'ssh2';
import { AppError } from '@shared/contract';
import { checkHostKey, fingerprint, parseHostKeyBlob, type HostKey } from './known-hosts';

export interface SshTunnelOptions {
  host: string;
  port: number;
  username: string;
  privateKey?: string | Buffer;
  passphrase?: string;
  agent?: string;
  /** known_hosts lines to trust (user's file plus keys accepted in Berthmaster). */
  knownHosts(): string[];
  readyTimeoutMs: number;
  /** The label used in messages, e.g. "root@10.0.0.2:22". */
  label: string;
}

/** Node's http client pokes these on its sockets; an ssh2 channel lacks some of them. */
function asSocket(channel: Duplex): Duplex {
  const s = channel as Duplex & Record<string, unknown>;
  for (const name of ['setKeepAlive', 'setNoDelay', 'ref', 'unref']) {
    if (typeof s[name] !== 'function') s[name] = () => s;
  }
  if (typeof s.setTimeout !== 'function') s.setTimeout = () => s;
  return channel;
}

/**
 * ONE SSH connection per host; every HTTP request and stream to the engine is a channel on it
 * running `docker system dial-stdio`. docker-modem's own ssh agent dials a new connection per
 * request, which costs a full handshake each time.
 */
export class SshTunnel {
  readonly agent: http.Agent;
  private client: Client | undefined;
  private ready: Promise<Client> | undefined;
  private closed = false;
  private rejectedKey: HostKey | undefined;
  private verdict: 'unknown' | 'changed' | undefined;
  /** SSH handshakes made so far: stays 1 while the connection lives, whatever the request count. */
  handshakes = 0;

  constructor(private readonly opts: SshTunnelOptions) {
    const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 4 });
    // http.Agent calls createConnection(options, callback) for custom transports.
    (agent as unknown as { createConnection: unknown }).createConnection = (
      _options: unknown,
      callback: (err: Error | null, socket?: Duplex) => void,
    ) => {
      this.openChannel().then(
        (ch) => callback(null, asSocket(ch)),
        (err: Error) => callback(err),
      );
      return undefined;
    };
    this.agent = agent;
  }

  /** Resolves when the SSH session is up (and its host key trusted). */
  connect(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('SSH tunnel closed'));
    if (this.ready) return this.ready;
    const client = new Client();
    this.client = client;
    this.handshakes++;
    this.verdict = undefined;
    const o = this.opts;
    this.ready = new Promise<Client>((resolve, reject) => {
      const config: ConnectConfig = {
        host: o.host,
        port: o.port,
        username: o.username,
        readyTimeout: o.readyTimeoutMs,
        // The link's heartbeat: idle SSH hosts are not pinged (heartbeat-policy.ts), so a cut
        // link is noticed here, by sshd not answering for ~15 s, which closes the tunnel.
        keepaliveInterval: 5_000,
        keepaliveCountMax: 2,
        hostVerifier: (blob: Buffer) => {
          const key = parseHostKeyBlob(blob);
          const v = checkHostKey(o.knownHosts(), o.host, o.port, key);
          if (v === 'known') return true;
          this.verdict = v;
          this.rejectedKey = key;
          return false;
        },
      };
      if (o.privateKey !== undefined) config.privateKey = o.privateKey;
      if (o.passphrase !== undefined) config.passphrase = o.passphrase;
      if (o.agent !== undefined) config.agent = o.agent;
      const reset = () => {
        if (this.client === client) {
          this.client = undefined;
          this.ready = undefined;
        }
      };
      client
        .once('ready', () => resolve(client))
        .once('error', (err) => {
          reset();
          reject(this.hostKeyError() ?? err);
        })
        .once('close', () => {
          reset();
          reject(
            this.hostKeyError() ??
              new AppError({
                code: 'ENGINE_UNREACHABLE',
                message: `The SSH connection to ${o.label} closed.`,
              }),
          );
        });
      try {
        client.connect(config);
      } catch (err) {
        reset();
        reject(err);
      }
    });
    return this.ready;
  }

  private hostKeyError(): AppError | undefined {
    const key = this.rejectedKey;
    if (!this.verdict || !key) return undefined;
    const fp = fingerprint(key.key);
    const o = this.opts;
    return this.verdict === 'changed'
      ? new AppError({
          code: 'SSH_HOST_KEY_CHANGED',
          message: `The SSH host key of ${o.host}:${o.port} has CHANGED (now ${key.keyType} ${fp}). This may be an attack; Berthmaster refuses to connect. If the server was reinstalled, remove its old key from known_hosts.`,
          data: { host: o.host, port: o.port, keyType: key.keyType, key: key.key, fingerprint: fp },
        })
      : new AppError({
          code: 'SSH_HOST_KEY_UNKNOWN',
          message: `${o.host}:${o.port} presented a new host key (${key.keyType} ${fp}). Check the fingerprint and trust it to connect.`,
          data: { host: o.host, port: o.port, keyType: key.keyType, key: key.key, fingerprint: fp },
        });
  }

  private async openChannel(): Promise<Duplex> {
    const client = await this.connect();
    return new Promise((resolve, reject) => {
      client.exec('docker system dial-stdio', (err, channel) => {
        if (err) return reject(err);
        let stderr = '';
        channel.stderr.on('data', (d: Buffer) => {
          if (stderr.length < 2000) stderr += d.toString('utf8');
        });
        channel.once('exit', (code: number | null) => {
          if (code && code !== 0) {
            channel.emit('error', new Error(`docker system dial-stdio failed (${code}): ${stderr.trim()}`));
            channel.destroy();
          }
        });
        resolve(channel);
      });
    });
  }

  /** A direct-tcpip channel to host:port as the SSH server's machine sees it (port forwarding). */
  async forwardOut(host: string, port: number): Promise<Duplex> {
    const client = await this.connect();
    return new Promise((resolve, reject) => {
      client.forwardOut('127.0.0.1', 0, host, port, (err, channel) => (err ? reject(err) : resolve(channel)));
    });
  }

  close(): void {
    this.closed = true;
    this.agent.destroy();
    this.client?.end();
    this.client = undefined;
    this.ready = undefined;
  }
}
