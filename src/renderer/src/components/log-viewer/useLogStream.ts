import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { LOG_SYSTEM, type AppErrorShape, type LogEvent } from '@shared/contract';
import { api } from '../../rpc/api';
import { toErrorShape } from '../../lib/errors';
import { LogModel } from './log-model';
import { tsToUnix, unixAfter } from './log-time';
import { currentSettings } from '../../lib/app-settings';

export interface LogQuery {
  tail: number | 'all';
  since?: string | undefined;
  until?: string | undefined;
}

export type StreamState =
  | { kind: 'loading' }
  | { kind: 'live' }
  /** Not following: what was asked for has arrived. */
  | { kind: 'loaded' }
  /** Following, but the engine closed the stream (the container stopped). */
  | { kind: 'ended' }
  /** Following; the container stopped, and lines carry on when it starts again. */
  | { kind: 'stopped' }
  /** Following; the host was lost, and the stream resumes by itself when it is back. */
  | { kind: 'disconnected'; error: AppErrorShape }
  | { kind: 'error'; error: AppErrorShape };

/** The line shown where a followed container started again. */
export const RESTART_SEPARATOR = '— container restarted —\n';

/** Minimum time between two re-renders caused by new lines. */
export const MIN_REPAINT_MS = 100;

/** What to subscribe to: a fresh read, or the continuation after the last line we have. */
type Request = { id: number; fresh: boolean; follow: boolean } | undefined;

/**
 * One container's log stream feeding a LogModel. Lines are parsed as each batch arrives (one
 * batch is at most 64 KiB, so every slice of work is small) and React re-renders at most ten
 * times a second. Turning follow off closes the engine stream but keeps the lines; turning it back on
 * resumes right after the last line we have (since = its timestamp + 1 ns), without gaps or
 * duplicates.
 */
export function useLogStream(hostId: string, containerId: string, query: LogQuery, follow: boolean) {
  const modelRef = useRef<LogModel | undefined>(undefined);
  modelRef.current ??= new LogModel(currentSettings().logBufferLines);
  const model = modelRef.current;
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [state, setState] = useState<StreamState>({ kind: 'loading' });
  const [tty, setTty] = useState(false);
  const [request, setRequest] = useState<Request>(undefined);
  const frame = useRef<number | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastPaint = useRef(0);
  const nextId = useRef(1);

  // At most one re-render per MIN_REPAINT_MS: a log pouring in at 30,000 lines a second can't be
  // read anyway, and the main thread stays free for scrolling, typing and clicks.
  const schedule = useCallback(() => {
    if (frame.current !== undefined || timer.current !== undefined) return;
    const paint = () => {
      timer.current = undefined;
      frame.current = requestAnimationFrame(() => {
        frame.current = undefined;
        lastPaint.current = performance.now();
        bump();
      });
    };
    const wait = lastPaint.current + MIN_REPAINT_MS - performance.now();
    if (wait <= 0) paint();
    else timer.current = setTimeout(paint, wait);
  }, []);

  // A new container or a new query starts over.
  const { tail, since, until } = query;
  useEffect(() => {
    setRequest({ id: nextId.current++, fresh: true, follow });
    // follow is read, not watched: toggling it is handled below without a reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hostId, containerId, tail, since, until]);

  const followRef = useRef(follow);
  useEffect(() => {
    if (followRef.current === follow) return;
    followRef.current = follow;
    setRequest((r) =>
      follow
        ? { id: nextId.current++, fresh: false, follow: true }
        : r && { ...r, fresh: false, follow: false },
    );
  }, [follow]);

  useEffect(() => {
    if (!request) return;
    if (!request.fresh && !request.follow) return; // follow turned off: the cleanup closed the stream
    let resumeFrom: string | undefined;
    if (request.fresh) model.restart(false);
    else {
      const last = tsToUnix(model.ring.lastTs());
      resumeFrom = last ? unixAfter(last) : undefined;
      model.restart(true);
    }
    setState({ kind: 'loading' });
    schedule();
    const params = {
      hostId,
      id: containerId,
      follow: request.follow,
      // Resuming: everything after our last line, however much that is.
      tail: resumeFrom ? ('all' as const) : tail,
      timestamps: true,
      ...(resumeFrom ? { since: resumeFrom } : since ? { since } : {}),
      ...(until ? { until } : {}),
    };
    let first = true;
    const sub = api.logs.follow(params, {
      onEvent(e: LogEvent) {
        switch (e.type) {
          case 'start':
            setTty(e.tty);
            if (first) setState({ kind: request.follow ? 'live' : 'loading' });
            first = false;
            return;
          case 'data':
            model.ingest(e.text, e.runs);
            break;
          case 'stopped':
            model.finish();
            setState({ kind: 'stopped' });
            break;
          case 'restarted':
            // A separator where the new run of the container begins.
            model.finish();
            model.ingest(RESTART_SEPARATOR, [LOG_SYSTEM, RESTART_SEPARATOR.length]);
            setState({ kind: 'live' });
            break;
          case 'disconnected':
            model.finish();
            setState({ kind: 'disconnected', error: e.error });
            break;
          case 'resumed':
            setState({ kind: 'live' });
            break;
        }
        schedule();
      },
      onEnd(error) {
        model.finish();
        if (error) setState({ kind: 'error', error: toErrorShape(error) });
        else setState({ kind: request.follow ? 'ended' : 'loaded' });
        schedule();
      },
    });
    return () => sub.close();
  }, [request, hostId, containerId, tail, since, until, model, schedule]);

  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      clearTimeout(timer.current);
    },
    [],
  );

  /** Reconnect after an error or after the stream ended (resumes after the last line). */
  const resume = useCallback(() => {
    setRequest({ id: nextId.current++, fresh: model.ring.size === 0, follow: followRef.current });
  }, [model]);

  // When not following, a loaded state whose stream was closed by the toggle is "paused".
  const shown: StreamState = !follow && state.kind === 'live' ? { kind: 'loaded' } : state;
  return { model, version, state: shown, tty, resume };
}
