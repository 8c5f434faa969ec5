import { describe, expect, it } from 'vitest';
import { heartbeatFailure } from '../../src/main/errors/connection-lost';
import { toAppError } from '../../src/main/errors/to-app-error';

/**
 * A cut link is noticed twice: the host's heartbeat ping gets no reply (its deadline aborts it)
 * and a call in flight has its connection reset. The host panel and the banner must say the same.
 */
describe('a lost connection has one wording', () => {
  const address = '10.123.0.2:2376';
  const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
  const pipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  const pingDeadline = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });

  it('maps a reset, a broken pipe and an unanswered ping to the same code and message', () => {
    const banner = toAppError(reset, { address });
    const panel = heartbeatFailure(toAppError(pingDeadline, { address }), address, 5000);
    expect(panel.code).toBe('ENGINE_UNREACHABLE');
    expect(banner.code).toBe(panel.code);
    expect(banner.message).toBe(panel.message);
    expect(toAppError(pipe, { address }).message).toBe(panel.message);
    expect(panel.message).toBe(`Lost the connection to ${address}.`);
  });

  it('keeps how it was noticed in the detail', () => {
    expect(toAppError(reset, { address }).detail).toMatch(/reset/);
    expect(heartbeatFailure(toAppError(pingDeadline, { address }), address, 5000).detail).toMatch(
      /ping within 5 s/,
    );
  });

  it('leaves other heartbeat failures as they are', () => {
    const refused = toAppError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), {
      address,
    });
    expect(heartbeatFailure(refused, address, 5000)).toEqual(refused);
  });
});
