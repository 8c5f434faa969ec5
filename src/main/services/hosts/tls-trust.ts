import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { AppError, type TlsCertificateInfo } from '@shared/contract';
import { TLS_UNKNOWN_CA } from '../../errors/tls-unknown-ca';

export function isUnknownCaError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TLS_UNKNOWN_CA.has(code);
}

function dn(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

export function certificateInfo(cert: tls.PeerCertificate, host: string, port: number): TlsCertificateInfo {
  const subject = dn(cert.subject);
  const issuer = dn(cert.issuer);
  return {
    host,
    port,
    subject,
    issuer,
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    fingerprint256: cert.fingerprint256,
    subjectAltNames: cert.subjectaltname ?? '',
    selfSigned: subject === issuer,
  };
}

/** The certificate fields as AppError data (flat strings, so they cross every transport). */
export function certificateData(info: TlsCertificateInfo): Record<string, string | number | boolean> {
  return { tlsCertificate: true, ...info };
}

/**
 * Reads the certificate a TLS server presents, without trusting it: the handshake completes,
 * then the socket is closed before a single byte of HTTP is written.
 */
export function peekCertificate(
  host: string,
  port: number,
  client: { cert?: string; key?: string },
  timeoutMs: number,
): Promise<TlsCertificateInfo> {
  return new Promise((resolve, reject) => {
    const options: tls.ConnectionOptions = {
      host,
      port,
      // Read-only look at an untrusted server: nothing is sent after the handshake.
      rejectUnauthorized: false,
      timeout: timeoutMs,
    };
    if (!net.isIP(host)) options.servername = host;
    if (client.cert) options.cert = client.cert;
    if (client.key) options.key = client.key;
    const socket = tls.connect(options);
    const timer = setTimeout(() => socket.destroy(new Error('timed out reading the certificate')), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      socket.destroy();
      if (!cert || !cert.fingerprint256) reject(new Error('the server presented no certificate'));
      else resolve(certificateInfo(cert, host, port));
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Accepts a peer certificate, or says why not. */
export type CertificateCheck = (cert: tls.PeerCertificate) => AppError | undefined;

/**
 * The certificate must be exactly the pinned one (SHA-256 of the DER) and within its validity
 * dates: a pin replaces the CA, not the clock. The host name is not checked: the pin already
 * names one certificate.
 */
export function pinCheck(pin: string, address: string, now: () => number = Date.now): CertificateCheck {
  const expected = pin.toUpperCase();
  return (cert) => {
    const actual = (cert.fingerprint256 ?? '').toUpperCase();
    if (actual !== expected) {
      return new AppError({
        code: 'TLS_ERROR',
        message:
          `The certificate of ${address} is not the pinned one: it has SHA-256 fingerprint ${actual || '(none)'}, ` +
          `the pin is ${expected}. If the server's certificate was replaced on purpose, edit the host, ` +
          'test the connection and trust the new certificate.',
        data: { pinMismatch: true, expected, actual },
      });
    }
    const t = now();
    const notBefore = Date.parse(cert.valid_from);
    const notAfter = Date.parse(cert.valid_to);
    if (Number.isFinite(notAfter) && t > notAfter) {
      return new AppError({
        code: 'TLS_ERROR',
        message: `The pinned certificate of ${address} has expired (${cert.valid_to}).`,
      });
    }
    if (Number.isFinite(notBefore) && t < notBefore) {
      return new AppError({
        code: 'TLS_ERROR',
        message: `The pinned certificate of ${address} is not valid yet (from ${cert.valid_from}); check the clocks.`,
      });
    }
    return undefined;
  };
}

/**
 * An https agent that decides about the server certificate itself (pinned or, by explicit
 * choice, unverified) instead of checking it against a CA. The decision is made on
 * 'secureConnect', before the socket is handed to http, so no request reaches a server that
 * failed it. Client certificate and key still come with each request's options.
 */
export function checkingAgent(check: CertificateCheck): https.Agent {
  const agent = new https.Agent({ keepAlive: true, keepAliveMsecs: 30_000 });
  (agent as unknown as { createConnection: unknown }).createConnection = (
    options: tls.ConnectionOptions,
    callback: (err: Error | null, socket?: Duplex) => void,
  ) => {
    // The CA check is replaced by `check`, which runs before anything is written.
    const socket = tls.connect({ ...options, rejectUnauthorized: false });
    const onError = (e: Error) => {
      socket.off('secureConnect', onSecure);
      callback(e);
    };
    const onSecure = () => {
      socket.off('error', onError);
      const problem = check(socket.getPeerCertificate());
      if (problem) {
        socket.destroy();
        callback(problem);
        return;
      }
      callback(null, socket);
    };
    socket.once('secureConnect', onSecure);
    socket.once('error', onError);
    return undefined;
  };
  return agent;
}
