import type { IncomingMessage } from 'node:http';

/**
 * Engine responses currently open, by kind. Lets tests (and diagnostics) prove that leaving a view
 * really closes the engine stream instead of leaking it.
 */
const live = new Map<string, number>();

export function trackEngineStream(kind: string, res: IncomingMessage): void {
  live.set(kind, (live.get(kind) ?? 0) + 1);
  let counted = true;
  const release = () => {
    if (!counted) return;
    counted = false;
    live.set(kind, (live.get(kind) ?? 1) - 1);
  };
  res.once('close', release);
  res.socket?.once('close', release);
}

export function liveEngineStreams(kind: string): number {
  return live.get(kind) ?? 0;
}
