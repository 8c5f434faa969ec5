import { z } from 'zod';
import { stream } from './define';
import type { AppErrorShape } from './errors';
import { containerRefSchema, hostIdSchema } from './ids';
import type { LogStreamCode } from './logs';

/** A label filter as the engine takes it: "key" or "key=value". */
const labelFilterSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^=\s][^=]*(=.*)?$/, 'a label filter is "key" or "key=value"');

const hostsSchema = z.array(hostIdSchema).max(100).optional();

/**
 * Which containers to follow: an explicit list, a label filter, a compose project, or a compose
 * service name across hosts. All but the list let containers that appear later join.
 */
export const mergedSelectorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('containers'),
    items: z
      .array(z.strictObject({ hostId: hostIdSchema, id: containerRefSchema }))
      .min(1)
      .max(100),
  }),
  z.strictObject({
    kind: z.literal('labels'),
    labels: z.array(labelFilterSchema).min(1).max(20),
    hostIds: hostsSchema,
  }),
  z.strictObject({ kind: z.literal('project'), project: z.string().min(1).max(128), hostIds: hostsSchema }),
  z.strictObject({ kind: z.literal('service'), service: z.string().min(1).max(128), hostIds: hostsSchema }),
]);
export type MergedSelector = z.infer<typeof mergedSelectorSchema>;

export const mergedLogsParamsSchema = z.strictObject({
  selector: mergedSelectorSchema,
  /** Lines from the end of each container's log to start with (containers that join later: all). */
  tail: z.number().int().min(0).max(10_000).default(100),
  stdout: z.boolean().default(true),
  stderr: z.boolean().default(true),
  /** How long lines are held to be put in time order across containers (ms). */
  reorderMs: z.number().int().min(0).max(5_000).default(300),
});

export interface MergedLogMember {
  hostId: string;
  containerId: string;
  name: string;
}

/** One line, tagged with where it came from. */
export interface MergedLogLine {
  hostId: string;
  containerId: string;
  /** The engine's timestamp as Unix "seconds.nanoseconds" (fixed width: sorts as text). */
  ts: string;
  stream: LogStreamCode;
  /** Without the timestamp and the line break. */
  text: string;
}

export type MergedLogEvent =
  /** A container joined (at the start, or later when it matched the selector). */
  | { type: 'joined'; member: MergedLogMember }
  /** Its container was removed (or is not found): no more lines from it. */
  | { type: 'left'; hostId: string; containerId: string; error?: AppErrorShape }
  /** Lines in time order, across containers. */
  | { type: 'lines'; lines: MergedLogLine[] }
  | { type: 'stopped'; hostId: string; containerId: string }
  | { type: 'restarted'; hostId: string; containerId: string }
  | { type: 'disconnected'; hostId: string; containerId: string; error: AppErrorShape }
  | { type: 'resumed'; hostId: string; containerId: string }
  /** A host's containers could not be listed (unreachable): none of them joined from it. */
  | { type: 'hostError'; hostId: string; error: AppErrorShape };

export const mergedLogsContract = {
  /** Follows the selected containers as one time-ordered stream, until unsubscribed. */
  follow: stream<MergedLogEvent>()(mergedLogsParamsSchema, {
    hostFields: { 'selector.items.[].hostId': 'read' },
  }),
};
