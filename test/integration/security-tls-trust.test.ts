import { createHash, X509Certificate } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, endpointSchema, type AppErrorShape, type Endpoint } from '@shared/contract';
import {
  openEngineClient,
  readEngineInfo,
  type EngineClient,
} from '../../src/main/services/hosts/engine-client';
import { docker, loadLab, read, type Lab } from './support/lab';

let lab: Lab;
const opened: EngineClient[] = [];
/** Engine B behind the lab's wrong-CA server certificate (the lab's own 2377 listener is no engine). */
let wrongCaEngine: tls.Server;
let wrongCaEnginePort = 0;
/** Bytes that reached the proxied engine: proves whether any HTTP got past the handshake. */
let forwarded = 0;

beforeAll(async () => {
  lab = loadLab();
  const dir = path.dirname(lab.tls.ca);
  wrongCaEngine = tls.createServer(
    {
      cert: read(path.join(dir, 'wrong-server-cert.pem')),
      key: read(path.join(dir, 'wrong-server-key.pem')),
    },
    (socket) => {
      const engine = net.connect(lab.engineB.socketPath);
      socket.on('data', (chunk: Buffer) => {
        forwarded += chunk.length;
      });
      socket.pipe(engine).pipe(socket);
      const end = () => {
        socket.destroy();
        engine.destroy();
      };
      socket.on('error', end).on('close', end);
      engine.on('error', end).on('close', end);
    },
  );
  await new Promise<void>((resolve) => wrongCaEngine.listen(0, '127.0.0.1', resolve));
  wrongCaEnginePort = (wrongCaEngine.address() as net.AddressInfo).port;
});
afterAll(async () => {
  for (const c of opened) c.close();
  await new Promise<void>((resolve) => wrongCaEngine.close(() => resolve()));
});

const deps = { knownHosts: () => [], homeDir: '/nonexistent-home' };

/** The fingerprint as the server presents it, read independently of Berthmaster's code. */
function serverFingerprint(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host, port, rejectUnauthorized: false }, () => {
      const der = s.getPeerCertificate().raw;
      s.destroy();
      resolve(new X509Certificate(der).fingerprint256);
    });
    s.once('error', reject);
  });
}

function tlsHost(port: number, trust: Record<string, unknown>, host = lab.engineB.tlsHost): Endpoint {
  return endpointSchema.parse({
    kind: 'tls',
    host,
    port,
    cert: read(lab.tls.cert),
    key: read(lab.tls.key),
    ...trust,
  });
}

async function failure(endpoint: Endpoint): Promise<AppErrorShape> {
  try {
    const c = await openEngineClient(endpoint, deps);
    c.close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).toShape();
  }
  throw new Error('expected the connection to fail');
}

async function engineBId(): Promise<string> {
  return docker(lab.engineB.socketPath, 'info', '-f', '{{.ID}}');
}

describe('TLS transport trust', () => {
  it('reports the certificate of a server with an unknown CA, with its real fingerprint', async () => {
    const err = await failure(tlsHost(lab.tls.wrongCaPort, { ca: read(lab.tls.ca) }));
    const actual = await serverFingerprint(lab.engineB.tlsHost, lab.tls.wrongCaPort);
    expect(err.code).toBe('TLS_ERROR');
    expect(err.message).toMatch(/unknown CA/);
    expect(err.message).toContain(actual);
    expect(err.data).toMatchObject({
      tlsCertificate: true,
      subject: 'CN=berthmaster-lab-wrong-ca',
      issuer: expect.stringContaining('Unrelated CA'),
      fingerprint256: actual,
      host: lab.engineB.tlsHost,
      port: lab.tls.wrongCaPort,
    });
    expect(String(err.data?.validTo)).toMatch(/GMT$/);
  });

  it('a pinned certificate connects to an engine whose CA is unknown', async () => {
    const local = (trust: Record<string, unknown>) => tlsHost(wrongCaEnginePort, trust, '127.0.0.1');
    // The lab's wrong-CA certificate, in front of engine B: refused by CA...
    const refused = await failure(local({ ca: read(lab.tls.ca) }));
    expect(refused).toMatchObject({ code: 'TLS_ERROR', data: { subject: 'CN=berthmaster-lab-wrong-ca' } });
    // ...and accepted when pinned to the fingerprint the refusal showed.
    const pin = String(refused.data?.fingerprint256);
    expect(pin).toBe(await serverFingerprint(lab.engineB.tlsHost, lab.tls.wrongCaPort));
    const before = forwarded;
    const client = await openEngineClient(local({ trust: 'pin', pin }), deps);
    opened.push(client);
    expect((await readEngineInfo(client)).id).toBe(await engineBId());
    expect(forwarded).toBeGreaterThan(before);
  });

  it('a pin passes the handshake of the lab wrong-CA listener itself', async () => {
    const pin = await serverFingerprint(lab.engineB.tlsHost, lab.tls.wrongCaPort);
    // That listener is an openssl test server, not an engine: the handshake passes, the API does not.
    const err = await failure(tlsHost(lab.tls.wrongCaPort, { trust: 'pin', pin }));
    expect(err.code).not.toBe('TLS_ERROR');
  });

  it('a pinned host with nothing pinned yet shows the certificate and sends nothing', async () => {
    const before = forwarded;
    const err = await failure(tlsHost(wrongCaEnginePort, { trust: 'pin' }, '127.0.0.1'));
    expect(err).toMatchObject({
      code: 'TLS_ERROR',
      message: expect.stringMatching(/No certificate is pinned/),
      data: { tlsCertificate: true, subject: 'CN=berthmaster-lab-wrong-ca' },
    });
    expect(forwarded).toBe(before);
  });

  it('a pin names one certificate, whatever address it was reached by', async () => {
    const pin = await serverFingerprint(lab.engineB.tlsHost, lab.engineB.tlsPort);
    const mismatch = lab.engineB.mismatchHost;
    expect((await failure(tlsHost(lab.engineB.tlsPort, { ca: read(lab.tls.ca) }, mismatch))).code).toBe(
      'TLS_ERROR',
    );
    const client = await openEngineClient(
      tlsHost(lab.engineB.tlsPort, { trust: 'pin', pin }, mismatch),
      deps,
    );
    opened.push(client);
    expect((await readEngineInfo(client)).id).toBe(await engineBId());
  });

  it('a pin is compared exactly: another certificate is refused before any request', async () => {
    const good = await serverFingerprint(lab.engineB.tlsHost, lab.engineB.tlsPort);
    const actual = await serverFingerprint(lab.engineB.tlsHost, lab.tls.wrongCaPort);
    const before = forwarded;
    const local = (pin: string) => tlsHost(wrongCaEnginePort, { trust: 'pin', pin }, '127.0.0.1');
    const err = await failure(local(good));
    expect(err.code).toBe('TLS_ERROR');
    expect(err.message).toContain(good);
    expect(err.message).toContain(actual);
    expect(err.data).toMatchObject({ pinMismatch: true, expected: good, actual });
    // One changed digit is a different certificate.
    const flipped = `${actual.slice(0, -1)}${actual.endsWith('0') ? '1' : '0'}`;
    expect((await failure(local(flipped))).code).toBe('TLS_ERROR');
    // A refused pin closes the socket before http writes a byte.
    expect(forwarded).toBe(before);
  });

  it('a pin does not bring back an expired certificate', async () => {
    const pin = await serverFingerprint(lab.engineB.tlsHost, lab.tls.expiredPort);
    const err = await failure(tlsHost(lab.tls.expiredPort, { trust: 'pin', pin }));
    expect(err).toMatchObject({ code: 'TLS_ERROR', message: expect.stringMatching(/expired/) });
  });

  it('skipping verification connects only when chosen for the host', async () => {
    const local = (trust: Record<string, unknown>) => tlsHost(wrongCaEnginePort, trust, '127.0.0.1');
    // Without the explicit choice the same server is refused...
    expect((await failure(local({ ca: read(lab.tls.ca) }))).code).toBe('TLS_ERROR');
    // ...with it, it connects.
    const client = await openEngineClient(local({ trust: 'insecure' }), deps);
    opened.push(client);
    expect((await readEngineInfo(client)).id).toBe(await engineBId());
  });

  it('the default is CA verification, which the good listener passes', async () => {
    const endpoint = tlsHost(lab.engineB.tlsPort, { ca: read(lab.tls.ca) });
    expect(endpoint.kind === 'tls' && (endpoint.trust ?? 'ca')).toBe('ca');
    const client = await openEngineClient(endpoint, deps);
    opened.push(client);
    expect((await readEngineInfo(client)).id).toBe(await engineBId());
  });

  it('a CA-verified host needs its CA, a pin must be a SHA-256 fingerprint', () => {
    const base = { kind: 'tls', host: 'h', port: 2376, cert: read(lab.tls.cert) };
    expect(endpointSchema.safeParse(base).success).toBe(false);
    // Without a pin only a connection test makes sense (hosts.add refuses it, see below).
    expect(endpointSchema.safeParse({ ...base, trust: 'pin' }).success).toBe(true);
    expect(endpointSchema.safeParse({ ...base, trust: 'pin', pin: 'AB:CD' }).success).toBe(false);
    const pin = createHash('sha256').update('x').digest('hex').toUpperCase().match(/../g)?.join(':');
    expect(endpointSchema.safeParse({ ...base, trust: 'pin', pin }).success).toBe(true);
    expect(endpointSchema.safeParse({ ...base, trust: 'insecure' }).success).toBe(true);
  });
});
