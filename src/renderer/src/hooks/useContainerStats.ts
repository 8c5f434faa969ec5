import { useEffect, useRef, useState } from 'react';
import { isStatsSample, type AppErrorShape, type StatsSample } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

/** How much history the charts show. */
export const STATS_WINDOW_MS = 5 * 60_000;

export interface ContainerStatsState {
  /** Oldest first, covering at most STATS_WINDOW_MS. */
  samples: readonly StatsSample[];
  latest: StatsSample | undefined;
  error: AppErrorShape | undefined;
  ended: boolean;
  /** Set while the host is lost: readings resume by themselves when it is back. */
  disconnected: AppErrorShape | undefined;
}

/**
 * Live stats of one container while the component is mounted: the engine stream opens with the
 * tab and is closed (in main, down to the engine) when the tab or the view goes away.
 */
export function useContainerStats(hostId: string, containerId: string, retry: number): ContainerStatsState {
  const samples = useRef<StatsSample[]>([]);
  const [state, setState] = useState<ContainerStatsState>({
    samples: [],
    latest: undefined,
    error: undefined,
    ended: false,
    disconnected: undefined,
  });

  useEffect(() => {
    samples.current = [];
    setState({ samples: [], latest: undefined, error: undefined, ended: false, disconnected: undefined });
    const sub = api.stats.container(
      { hostId, id: containerId },
      {
        onEvent(event) {
          if (!isStatsSample(event)) {
            const disconnected = event.type === 'disconnected' ? event.error : undefined;
            setState((s) => ({ ...s, disconnected }));
            return;
          }
          const sample = event;
          const list = samples.current;
          // The engine's clock went back (it was adjusted): start the chart over rather than draw backwards.
          const last = list[list.length - 1];
          if (last && sample.at < last.at) list.length = 0;
          list.push(sample);
          const cutoff = sample.at - STATS_WINDOW_MS;
          let drop = 0;
          while (drop < list.length && (list[drop] as StatsSample).at < cutoff) drop++;
          if (drop) list.splice(0, drop);
          setState({
            samples: list.slice(),
            latest: sample,
            error: undefined,
            ended: false,
            disconnected: undefined,
          });
        },
        onEnd(error) {
          setState((s) => ({ ...s, error: error ? toErrorShape(error) : undefined, ended: true }));
        },
      },
    );
    return () => sub.close();
  }, [hostId, containerId, retry]);

  return state;
}
