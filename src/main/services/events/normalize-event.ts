import type { EngineEvent } from '@shared/contract';

interface RawEvent {
  Type?: unknown;
  Action?: unknown;
  Actor?: { ID?: unknown; Attributes?: Record<string, unknown> };
  status?: unknown;
  id?: unknown;
  from?: unknown;
  time?: unknown;
  timeNano?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Turns one line of GET /events into an EngineEvent; undefined for lines that are not events. */
export function normalizeEvent(hostId: string, raw: unknown): EngineEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const e = raw as RawEvent;
  const type = str(e.Type) || (e.from ? 'container' : '');
  const action = str(e.Action) || str(e.status);
  if (!type || !action) return undefined;
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.Actor?.Attributes ?? {})) attributes[k] = str(v);
  const id = str(e.Actor?.ID) || str(e.id);
  const timeNano = str(e.timeNano) || `${str(e.time) || '0'}000000000`;
  // Milliseconds from the nanosecond string without losing precision through a float.
  const time = timeNano.length > 6 ? Number(timeNano.slice(0, -6)) : Number(str(e.time)) * 1000;
  const event: EngineEvent = { hostId, time, timeNano, type, action, id, attributes };
  const name = attributes.name ?? (type === 'image' ? id : undefined);
  if (name) event.name = name;
  return event;
}

/** "1700000000123456789" → "1700000000.123456789", the form `since` takes. */
export function toSinceParam(timeNano: string): string {
  const padded = timeNano.padStart(10, '0');
  return `${padded.slice(0, -9) || '0'}.${padded.slice(-9)}`;
}
