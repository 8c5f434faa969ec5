import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, ConsoleResponse } from '@shared/contract';
import type { Subscription } from '@shared/rpc/client';
import type { CallInputOf } from '../lib/method-types';
import type { HistoryOutcome } from '../lib/api-console';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

export type ConsoleRequest = CallInputOf<'apilog.send'>;

/** What a followed stream has shown so far (the text is kept to its last STREAM_KEEP characters). */
export interface ConsoleStreamState {
  status?: number;
  headers?: Record<string, string>;
  text: string;
  open: boolean;
  error?: AppErrorShape;
}

export type ConsoleResult =
  | { kind: 'response'; response: ConsoleResponse }
  | { kind: 'error'; error: AppErrorShape }
  | { kind: 'stream'; stream: ConsoleStreamState };

const STREAM_KEEP = 256 * 1024;

/**
 * The console's requests to one host: `send` for one response, `follow` for a streaming GET until
 * `stop` (which closes the engine stream in main). Both go through the dispatcher and the policy.
 */
export function useApiConsole(hostId: string) {
  const [result, setResult] = useState<ConsoleResult>();
  const [busy, setBusy] = useState(false);
  const sub = useRef<Subscription | undefined>(undefined);
  const seq = useRef(0);

  const stop = useCallback(() => {
    sub.current?.close();
    sub.current = undefined;
    setResult((r) => (r?.kind === 'stream' ? { kind: 'stream', stream: { ...r.stream, open: false } } : r));
  }, []);

  useEffect(() => () => sub.current?.close(), []);
  // Another host: nothing of the last one's stream stays open.
  useEffect(() => {
    stop();
    setResult(undefined);
  }, [hostId, stop]);

  /** `done` gets the outcome for the history (status and duration, or the error). */
  type Done = (outcome: HistoryOutcome, final?: boolean) => void;

  const send = useCallback(async (req: ConsoleRequest, done?: Done) => {
    sub.current?.close();
    sub.current = undefined;
    const mine = ++seq.current;
    setBusy(true);
    try {
      const response = await api.apilog.send(req);
      done?.({ status: response.status, durationMs: response.durationMs });
      if (mine === seq.current) setResult({ kind: 'response', response });
    } catch (e) {
      const error = toErrorShape(e);
      done?.({ error: error.message });
      if (mine === seq.current) setResult({ kind: 'error', error });
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }, []);

  const follow = useCallback((req: ConsoleRequest, done?: Done) => {
    sub.current?.close();
    ++seq.current;
    const started = performance.now();
    let status: number | undefined;
    setBusy(false);
    setResult({ kind: 'stream', stream: { text: '', open: true } });
    const update = (f: (s: ConsoleStreamState) => ConsoleStreamState) =>
      setResult((r) => (r?.kind === 'stream' ? { kind: 'stream', stream: f(r.stream) } : r));
    const s = api.apilog.follow(req, {
      onEvent(ev) {
        if (ev.kind === 'head') {
          status = ev.status;
          done?.({ status }, false);
          update((st) => ({ ...st, status: ev.status, headers: ev.headers }));
        } else
          update((st) => {
            const text = st.text + ev.text;
            return { ...st, text: text.length > STREAM_KEEP ? text.slice(text.length - STREAM_KEEP) : text };
          });
      },
      onEnd(error) {
        if (sub.current === s) sub.current = undefined;
        // A stream's duration is how long it stayed open (until Stop or its end).
        const durationMs = performance.now() - started;
        done?.(
          status !== undefined
            ? { status, durationMs }
            : { error: error ? toErrorShape(error).message : 'ended without an answer' },
        );
        update((st) => ({ ...st, open: false, ...(error ? { error: toErrorShape(error) } : {}) }));
      },
    });
    sub.current = s;
  }, []);

  return { result, busy, send, follow, stop };
}
