import { useEffect, useState } from 'react';
import type { AppErrorShape, ServiceWatchEvent } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

/** Keep the last lines of a service's task changes. */
const LOG_LINES = 200;

/** A service followed while it changes (update, rollback, scale): its last state and task changes. */
export function useServiceWatch(hostId: string, serviceId: string) {
  const [last, setLast] = useState<ServiceWatchEvent>();
  const [log, setLog] = useState<string[]>([]);
  const [error, setError] = useState<AppErrorShape>();

  useEffect(() => {
    const sub = api.swarm.watchService(
      { hostId, id: serviceId },
      {
        onEvent(e) {
          setLast(e);
          if (e.changes.length) {
            const at = new Date().toLocaleTimeString();
            setLog((l) =>
              [
                ...l,
                ...e.changes.map(
                  (c) =>
                    `${at}  task ${c.slot ?? c.taskId.slice(0, 8)}: ${c.from ?? 'new'} → ${c.to}  (${c.image})`,
                ),
              ].slice(-LOG_LINES),
            );
          }
        },
        onEnd: (err) => err && setError(toErrorShape(err)),
      },
    );
    return () => sub.close();
  }, [hostId, serviceId]);

  return { last, log, error };
}
