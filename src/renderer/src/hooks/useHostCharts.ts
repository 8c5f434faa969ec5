import { useEffect, useState } from 'react';
import { HOST_CHART_POINTS, type AppErrorShape, type HostChart } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

/**
 * Each host's last hour of CPU and memory and its top containers, followed while the caller is
 * mounted (main samples only while someone watches, unless history is kept).
 */
export function useHostCharts(): { charts: Record<string, HostChart>; error: AppErrorShape | undefined } {
  const [charts, setCharts] = useState<Record<string, HostChart>>({});
  const [error, setError] = useState<AppErrorShape>();
  useEffect(() => {
    const sub = api.hostCharts.watch(
      {},
      {
        onEvent(ev) {
          setError(undefined);
          if (ev.type === 'snapshot') {
            setCharts(Object.fromEntries(ev.hosts.map((h) => [h.hostId, h])));
            return;
          }
          setCharts((all) => {
            const h = all[ev.hostId] ?? { hostId: ev.hostId, points: [], topCpu: [], topMem: [] };
            if (ev.type === 'point') {
              const points = [...h.points, ev.point].slice(-HOST_CHART_POINTS);
              const { disconnected: _gone, ...rest } = h;
              return { ...all, [ev.hostId]: { ...rest, points, topCpu: ev.topCpu, topMem: ev.topMem } };
            }
            if (ev.type === 'disconnected') return { ...all, [ev.hostId]: { ...h, disconnected: ev.error } };
            const { disconnected: _back, ...rest } = h;
            return { ...all, [ev.hostId]: rest };
          });
        },
        onEnd(e) {
          if (e) setError(toErrorShape(e));
        },
      },
    );
    return () => sub.close();
  }, []);
  return { charts, error };
}
