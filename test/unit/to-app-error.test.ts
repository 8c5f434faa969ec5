import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/contract';
import { toAppError } from '../../src/main/errors/to-app-error';

const nodeError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('toAppError', () => {
  it.each([
    [nodeError('ENOENT', 'connect ENOENT /x.sock'), 'ENGINE_UNREACHABLE', /socket \/x.sock does not exist/],
    [nodeError('EACCES'), 'PERMISSION_DENIED', /docker group/],
    [nodeError('ECONNREFUSED'), 'ENGINE_UNREACHABLE', /refused by \/x.sock/],
    [nodeError('ETIMEDOUT'), 'TIMEOUT', /No answer/],
    [nodeError('EHOSTUNREACH'), 'ENGINE_UNREACHABLE', /No route/],
    [
      nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
      'TLS_ERROR',
      /does not list the address/,
    ],
    [nodeError('SELF_SIGNED_CERT_IN_CHAIN'), 'TLS_ERROR', /unknown CA/],
    [nodeError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'TLS_ERROR', /unknown CA/],
    [nodeError('CERT_HAS_EXPIRED'), 'TLS_ERROR', /expired/],
    [
      nodeError('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'tlsv1 alert unknown ca'),
      'TLS_ERROR',
      /rejected the client certificate/,
    ],
  ])('maps %s', (error, code, message) => {
    const shape = toAppError(error, { address: '/x.sock' });
    expect(shape.code).toBe(code);
    expect(shape.message).toMatch(message);
  });

  it('maps ssh2 authentication failures', () => {
    const e = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    expect(toAppError(e, { address: 'root@h:22' })).toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('maps an encrypted key without passphrase', () => {
    const e = new Error(
      'Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given',
    );
    expect(toAppError(e).code).toBe('AUTH_FAILED');
  });

  it('uses the engine message for HTTP errors', () => {
    const e = Object.assign(
      new Error('(HTTP code 409) unexpected - Conflict. The container name is in use '),
      {
        statusCode: 409,
        json: { message: 'Conflict. The container name "/web" is already in use' },
      },
    );
    expect(toAppError(e)).toEqual({
      code: 'CONFLICT',
      message: 'Conflict. The container name "/web" is already in use.',
    });
  });

  it('passes AppErrors through and unwraps abort reasons', () => {
    const app = new AppError({ code: 'TIMEOUT', message: 'late' });
    expect(toAppError(app)).toEqual({ code: 'TIMEOUT', message: 'late' });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError', cause: app });
    expect(toAppError(abort).code).toBe('TIMEOUT');
  });

  it('calls anything else INTERNAL, keeping its message', () => {
    expect(toAppError(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'Boom.' });
    expect(toAppError('weird').code).toBe('INTERNAL');
  });
});
