import { docker } from './lab';

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  timeNano: number;
}

/** Seconds with milliseconds, as `docker events --since/--until` take them. */
const stamp = (ms: number) => (ms / 1000).toFixed(3);

/**
 * What an engine recorded between two instants (its own /events with since and until): the
 * evidence that a refused request never reached it. `until` must be in the past.
 */
export async function engineEvents(
  socketPath: string,
  sinceMs: number,
  untilMs: number,
): Promise<EngineEvent[]> {
  const out = await docker(
    socketPath,
    'events',
    '--since',
    stamp(sinceMs - 1),
    '--until',
    stamp(untilMs + 1),
    '--format',
    '{{json .}}',
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EngineEvent);
}

/** Events about one of ours: an id, or a name/image/tag that contains one of the markers. */
export function eventsAbout(events: EngineEvent[], markers: string[]): EngineEvent[] {
  return events.filter((e) => {
    const attrs = Object.values(e.Actor.Attributes ?? {});
    return markers.some((m) => e.Actor.ID.includes(m) || attrs.some((a) => a.includes(m)));
  });
}
