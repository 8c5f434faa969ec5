import { EXEC_FLOW_LOW, type ExecOutputEvent, type ExecSessionInfo } from '@shared/contract';
import type { connectWs } from './ws-client';

type WsApi = Awaited<ReturnType<typeof connectWs>>['api'];

export interface ViewerOptions {
  /** Delay before acking each batch, to play a slow terminal. */
  ackDelayMs?: number;
  /** Keep the raw bytes (not only the decoded text). */
  keepBytes?: boolean;
}

/**
 * Plays the renderer's terminal against exec.output: decodes UTF-8 across events as xterm does,
 * acks what it "wrote", and lets a test wait for text or for the end.
 */
export function viewSession(api: WsApi, sessionId: string, opts: ViewerOptions = {}) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let bytes = 0;
  const chunks: Uint8Array[] = [];
  let viewerId = 0;
  let final: ExecSessionInfo | undefined;
  let ended = false;
  let error: Error | undefined;
  let pendingAck = 0;
  let attached: ExecSessionInfo | undefined;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };

  const ack = (n: number) => {
    pendingAck += n;
    if (pendingAck < EXEC_FLOW_LOW / 4 && !ended) {
      setTimeout(flushAck, 5);
      return;
    }
    flushAck();
  };
  const flushAck = () => {
    if (pendingAck === 0 || viewerId === 0) return;
    const n = pendingAck;
    pendingAck = 0;
    api.exec.ack({ sessionId, viewerId, bytes: n }).catch(() => undefined);
  };

  const sub = api.exec.output(
    { sessionId },
    {
      onEvent(ev: ExecOutputEvent) {
        if (ev.type === 'attached') {
          viewerId = ev.viewerId;
          attached = ev.session;
        } else if (ev.type === 'data') {
          bytes += ev.bytes.length;
          if (opts.keepBytes) chunks.push(ev.bytes);
          text += decoder.decode(ev.bytes, { stream: true });
          if (text.length > 2_000_000) text = text.slice(-65_536);
          const n = ev.bytes.length;
          if (opts.ackDelayMs) setTimeout(() => ack(n), opts.ackDelayMs);
          else ack(n);
        } else {
          final = ev.session;
        }
        wake();
      },
      onEnd(err) {
        ended = true;
        if (err) error = err;
        wake();
      },
    },
  );

  const until = (pred: () => boolean, what: string, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      if (pred()) return resolve();
      const check = () => {
        if (pred()) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        } else if (ended && !pred()) {
          clearTimeout(timer);
          waiters.delete(check);
          reject(new Error(`stream ended before ${what}; output tail: ${JSON.stringify(text.slice(-300))}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; output tail: ${JSON.stringify(text.slice(-300))}`));
      }, timeoutMs);
      waiters.add(check);
    });

  return {
    get text() {
      return text;
    },
    get bytes() {
      return bytes;
    },
    get chunks() {
      return chunks;
    },
    get attached() {
      return attached;
    },
    get final() {
      return final;
    },
    get ended() {
      return ended;
    },
    get error() {
      return error;
    },
    waitFor: (re: RegExp, timeoutMs?: number) => until(() => re.test(text), String(re), timeoutMs),
    waitForEnd: (timeoutMs?: number) => until(() => ended, 'the end of the stream', timeoutMs),
    close: () => sub.close(),
  };
}
