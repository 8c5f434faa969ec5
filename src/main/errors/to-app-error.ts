import { AppError, type AppErrorShape, type ErrorCode } from '@shared/contract';
import { connectionLost } from './connection-lost';
import { TLS_UNKNOWN_CA } from './tls-unknown-ca';
import { engineText } from '../engine/engine-error';

/** Where a failed request was going, so messages can name it. */
export interface ErrorTarget {
  /** e.g. "10.0.0.5:2376" or "/var/run/docker.sock" */
  address?: string;
}

interface NodeishError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  statusCode?: unknown;
  json?: unknown;
  reason?: unknown;
  level?: unknown;
  name?: unknown;
  cause?: unknown;
}

function shape(code: ErrorCode, message: string, detail?: string): AppErrorShape {
  return detail ? { code, message, detail } : { code, message };
}

const engineMessage = (e: NodeishError): string => engineText(e);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(s: string): string {
  const t = capitalise(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Maps whatever dockerode, Node's net/tls, ssh2 or our own code threw into the contract's error
 * shape, with a sentence a user can act on. Unknown errors become INTERNAL (and are logged).
 */
export function toAppError(error: unknown, target: ErrorTarget = {}): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  if (typeof error !== 'object' || error === null) {
    return shape('INTERNAL', `Unexpected failure: ${String(error)}`);
  }
  const e = error as NodeishError;
  const where = target.address ? ` ${target.address}` : '';
  const rawMessage = typeof e.message === 'string' ? e.message : '';
  const code = typeof e.code === 'string' ? e.code : '';

  if (e.name === 'AbortError' || code === 'ABORT_ERR') {
    const cause = e.cause;
    if (cause instanceof AppError) return cause.toShape();
    return shape('CANCELLED', 'The request was cancelled.');
  }

  // Docker Engine HTTP errors (docker-modem sets statusCode).
  if (typeof e.statusCode === 'number') {
    const text = sentence(engineMessage(e));
    switch (e.statusCode) {
      case 400:
        return shape('INVALID_INPUT', text);
      case 401:
      case 403:
        return shape('AUTH_FAILED', text);
      case 404:
        return shape('NOT_FOUND', text);
      case 409:
        return shape('CONFLICT', text);
      default:
        return shape('ENGINE_ERROR', text, `HTTP ${e.statusCode}`);
    }
  }

  // TLS
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return shape(
      'TLS_ERROR',
      `The server's certificate does not list the address you dialled${where}: hostname/IP does not match the certificate's altnames.`,
      rawMessage,
    );
  }
  if (TLS_UNKNOWN_CA.has(code)) {
    return shape(
      'TLS_ERROR',
      `The server's certificate is not signed by the CA you gave (unknown CA)${where ? ` for${where}` : ''}.`,
      `${code}: ${rawMessage}`,
    );
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return shape(
      'TLS_ERROR',
      `The server's certificate has expired${where ? ` (${where.trim()})` : ''}.`,
      rawMessage,
    );
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return shape('TLS_ERROR', `The server's certificate is not valid yet; check the clocks.`, rawMessage);
  }
  if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' || /key values mismatch/i.test(rawMessage)) {
    return shape('TLS_ERROR', 'The client key does not belong to the client certificate.', rawMessage);
  }
  if (
    code.startsWith('ERR_OSSL_PEM') ||
    code === 'ERR_OSSL_UNSUPPORTED' ||
    /PEM routines/i.test(rawMessage)
  ) {
    return shape('TLS_ERROR', 'A certificate or key could not be read: is it a valid PEM file?', rawMessage);
  }
  if (
    /alert (unknown ca|bad certificate|certificate required|handshake failure)/i.test(rawMessage) ||
    code.startsWith('ERR_SSL_')
  ) {
    return shape(
      'TLS_ERROR',
      `The TLS handshake failed${where ? ` with${where}` : ''}: the server rejected the client certificate or the protocol.`,
      rawMessage,
    );
  }
  if (code === 'EPROTO' || /wrong version number|packet length too long/i.test(rawMessage)) {
    return shape(
      'TLS_ERROR',
      `The TLS handshake failed${where ? ` with${where}` : ''}: is this a TLS port?`,
      rawMessage,
    );
  }

  // ssh2 errors carry a `level`.
  if (e.level === 'client-authentication') {
    return shape(
      'AUTH_FAILED',
      `SSH authentication was refused${where ? ` by${where}` : ''}: check the user and key.`,
      rawMessage,
    );
  }
  if (e.level === 'client-timeout') {
    return shape('TIMEOUT', `The SSH handshake${where ? ` with${where}` : ''} timed out.`, rawMessage);
  }
  if (/Encrypted private (OpenSSH )?key detected, but no passphrase given/i.test(rawMessage)) {
    return shape('AUTH_FAILED', 'The SSH private key is encrypted: enter its passphrase.', rawMessage);
  }
  if (/bad passphrase|Failed to (generate information to )?decrypt/i.test(rawMessage)) {
    return shape('AUTH_FAILED', 'The SSH key passphrase is wrong.', rawMessage);
  }
  if (/Cannot parse privateKey|Unsupported key format/i.test(rawMessage)) {
    return shape('INVALID_INPUT', 'The SSH private key could not be read.', rawMessage);
  }
  if (/dial-stdio|docker: (command )?not found/i.test(rawMessage)) {
    return shape(
      'ENGINE_UNREACHABLE',
      'The SSH host has no docker CLI on its PATH (needed for `docker system dial-stdio`).',
      rawMessage,
    );
  }

  // Sockets and networks.
  switch (code) {
    case 'ENOENT':
      return shape(
        'ENGINE_UNREACHABLE',
        `The socket${where} does not exist: is the engine running?`,
        rawMessage,
      );
    case 'EACCES':
    case 'EPERM':
      return shape(
        'PERMISSION_DENIED',
        `Permission denied on${where || ' the socket'}: your user needs access (e.g. the docker group).`,
        rawMessage,
      );
    case 'ECONNREFUSED':
      return shape(
        'ENGINE_UNREACHABLE',
        `Connection refused by${where || ' the engine'}: nothing listens there.`,
        rawMessage,
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return connectionLost(target.address, `The connection was reset (${rawMessage || code}).`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return shape('ENGINE_UNREACHABLE', `The host name${where} could not be resolved.`, rawMessage);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return shape('ENGINE_UNREACHABLE', `No route to${where || ' the host'}.`, rawMessage);
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return shape('TIMEOUT', `No answer from${where || ' the engine'} in time.`, rawMessage);
  }

  if (error instanceof Error && error.name === 'ZodError') {
    return shape('INVALID_INPUT', sentence(rawMessage));
  }
  return shape('INTERNAL', rawMessage ? sentence(rawMessage) : 'Unexpected failure.');
}
