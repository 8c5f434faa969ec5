import type { AppErrorShape } from '@shared/contract';

/**
 * One cause, one wording: a connection to an engine that broke under us (a reset in the middle of a
 * call, a heartbeat ping with no reply) reads the same in the host panel and in every banner,
 * whichever of the two noticed first. How it was noticed goes in the detail.
 */
export function connectionLost(address: string | undefined, how: string): AppErrorShape {
  return {
    code: 'ENGINE_UNREACHABLE',
    message: `Lost the connection to ${address || 'the engine'}.`,
    detail: how,
  };
}

/** What a failed heartbeat ping says: a ping cut short by its own deadline is a lost connection. */
export function heartbeatFailure(error: AppErrorShape, address: string, timeoutMs: number): AppErrorShape {
  return error.code === 'CANCELLED'
    ? connectionLost(address, `No reply to ping within ${timeoutMs / 1000} s.`)
    : error;
}
