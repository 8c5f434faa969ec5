import { useEffect, useRef } from 'react';
import type { AppError, LogEvent } from '@shared/contract';
import { api } from '../rpc/api';

export interface ServiceLogSink {
  /** A new follow starts: the sink clears what it had. */
  start(): void;
  line(event: Extract<LogEvent, { type: 'data' }>): void;
  end(error: AppError | undefined): void;
}

/**
 * Follows a service's logs from all its tasks (the last 200 lines, then new ones) while `follow`
 * is on, into a sink (the dialog's log model); the stream closes when follow goes off or on unmount.
 */
export function useServiceLogs(
  hostId: string,
  serviceId: string,
  follow: boolean,
  sink: ServiceLogSink,
): void {
  const current = useRef(sink);
  current.current = sink;
  useEffect(() => {
    if (!follow) return;
    current.current.start();
    const sub = api.swarm.serviceLogs(
      { hostId, id: serviceId, follow: true, tail: 200 },
      {
        onEvent(e) {
          if (e.type === 'data') current.current.line(e);
        },
        onEnd: (err) => current.current.end(err),
      },
    );
    return () => sub.close();
  }, [hostId, serviceId, follow]);
}
