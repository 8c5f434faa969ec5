import { useEffect, useReducer, useRef, useState } from 'react';
import type { AppErrorShape, StackLogLine } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { mergeByTime } from '../lib/merge-log-lines';
import { api } from '../rpc/api';

/** Lines kept; older ones are counted, not kept. */
const MAX_LINES = 20_000;

export interface StackLogsState {
  lines: StackLogLine[];
  dropped: number;
  /** Containers read from, with whether each is still followed. */
  sources: Record<string, { service: string; state: 'following' | 'ended' }>;
  ended: boolean;
  error: AppErrorShape | undefined;
  /** Bumped on every change, for memoised filters. */
  version: number;
}

/** All services' logs of a stack, merged as they arrive, while the component is mounted. */
export function useStackLogs(hostId: string, project: string, follow: boolean, tail: number): StackLogsState {
  const buf = useRef<{ lines: StackLogLine[]; dropped: number }>({ lines: [], dropped: 0 });
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [sources, setSources] = useState<StackLogsState['sources']>({});
  const [ended, setEnded] = useState(false);
  const [error, setError] = useState<AppErrorShape>();

  useEffect(() => {
    buf.current = { lines: [], dropped: 0 };
    setSources({});
    setEnded(false);
    setError(undefined);
    bump();
    let frame: number | undefined;
    // One repaint per frame however fast lines arrive.
    const repaint = () => {
      if (frame === undefined) frame = requestAnimationFrame(() => ((frame = undefined), bump()));
    };
    const sub = api.stacks.logs(
      { hostId, project, follow, tail },
      {
        onEvent(ev) {
          if (ev.type === 'source') {
            setSources((s) => ({ ...s, [ev.container]: { service: ev.service, state: ev.state } }));
            return;
          }
          const b = buf.current;
          mergeByTime(b.lines, ev.lines);
          const cut = b.lines.length - MAX_LINES;
          if (cut > 0) {
            b.lines.splice(0, cut);
            b.dropped += cut;
          }
          repaint();
        },
        onEnd(e) {
          setEnded(true);
          if (e) setError(toErrorShape(e));
        },
      },
    );
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      sub.close();
    };
  }, [hostId, project, follow, tail]);

  return { lines: buf.current.lines, dropped: buf.current.dropped, sources, ended, error, version };
}
