import { z } from 'zod';
import { call, stream } from './define';
import type { AppErrorShape } from './errors';
import { containerRefSchema, hostIdSchema } from './ids';

/**
 * Where a container stands against its registry:
 * - up-to-date: the registry's digest for its tag is the one it runs;
 * - update-available: the tag now points to another image in the registry;
 * - newer-pulled: the newer image is already on the host, the container still runs the old one;
 * - local-only: its image was never pulled from or pushed to a registry (no repo digest);
 * - pinned: it names an image by digest or id, so there is nothing newer to follow;
 * - image-missing: its image was deleted from the host;
 * - rate-limited: the registry asked to wait (see `retryAt`);
 * - unknown: the registry could not be asked (unreachable, refused the login, a login not allowed
 *   on this host): `error` says why;
 * - unchecked: no check has covered it yet.
 */
export type UpdateState =
  | 'up-to-date'
  | 'update-available'
  | 'newer-pulled'
  | 'local-only'
  | 'pinned'
  | 'image-missing'
  | 'rate-limited'
  | 'unknown'
  | 'unchecked';

export const UPDATE_STATES: readonly UpdateState[] = [
  'up-to-date',
  'update-available',
  'newer-pulled',
  'local-only',
  'pinned',
  'image-missing',
  'rate-limited',
  'unknown',
  'unchecked',
];

export interface ContainerUpdateStatus {
  hostId: string;
  containerId: string;
  name: string;
  /** The reference the container was created from, e.g. "127.0.0.1:5000/app:1". */
  image: string;
  /** The image id it runs. */
  imageId: string;
  state: UpdateState;
  /** The repo digest of the image it runs, when it has one. */
  localDigest?: string;
  /** The registry's digest for the tag at the last check. */
  remoteDigest?: string;
  /** When the registry was last asked for this image on this host (epoch ms). */
  checkedAt?: number;
  /** Rate-limited: when the registry may be asked again (epoch ms). */
  retryAt?: number;
  /** Why the state is unknown or rate-limited (a consent refusal carries `data.registryConsent`). */
  error?: AppErrorShape;
  /** The compose project it belongs to (com.docker.compose.project), for updating a whole project. */
  project?: string;
}

export type UpdateTotals = Record<UpdateState, number>;

export interface HostUpdateStatus {
  hostId: string;
  totals: UpdateTotals;
  /** A check of this host is running now. */
  checking: boolean;
  /** When its last check ended (epoch ms). */
  checkedAt?: number;
  /** The host could not be listed (unreachable): its containers keep their last states. */
  error?: AppErrorShape;
}

export interface UpdatesSnapshot {
  at: number;
  containers: ContainerUpdateStatus[];
  hosts: HostUpdateStatus[];
  totals: UpdateTotals;
  /** When the schedule runs the next check (absent when checks are on demand only). */
  nextCheckAt?: number;
  /** Distribution-endpoint calls made by the last check (one per distinct image and host). */
  lastCheckCalls: number;
}

/** What to update: containers by id, or every container of a compose project (on some or all hosts). */
export const updateTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('containers'),
    items: z
      .array(z.strictObject({ hostId: hostIdSchema, id: containerRefSchema }))
      .min(1)
      .max(200),
  }),
  z.strictObject({
    kind: z.literal('project'),
    project: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,127}$/, 'not a compose project name'),
    hostIds: z.array(hostIdSchema).max(100).optional(),
  }),
]);
export type UpdateTarget = z.infer<typeof updateTargetSchema>;

/** Said before an update starts: what it would do and whether it could be undone. */
export interface UpdatePlan {
  hostId: string;
  containerId: string;
  name: string;
  image: string;
  /** The image id it runs now: the one a rollback returns to. */
  currentImageId?: string;
  /** False: the update would go ahead without a way back; `reason` says why. */
  canRollBack: boolean;
  /** False: the update cannot run at all (auto-remove, pinned image, policy); `reason` says why. */
  canUpdate: boolean;
  reason?: string;
}

export interface UpdateStarted {
  hostId: string;
  containerId: string;
  name: string;
  taskId: string;
}

export interface UpdatesApplyResult {
  started: UpdateStarted[];
  /** Targets that could not start (each with its reason); the others went ahead. */
  refused: UpdatePlan[];
}

export const updatesContract = {
  /** The last known state of every container on every host (or one), without asking any registry. */
  status: call<UpdatesSnapshot>()(z.strictObject({})),
  /**
   * Asks the registries now (one distribution call per distinct image and host; results younger
   * than the cache time are reused unless `force`). Resolves when the check is done.
   */
  check: call<UpdatesSnapshot>()(
    z.strictObject({ hostIds: z.array(hostIdSchema).max(100).optional(), force: z.boolean().default(false) }),
    { timeoutMs: 300_000 },
  ),
  /** The snapshot now, then again whenever a state changes. */
  watch: stream<UpdatesSnapshot>()(z.strictObject({})),
  /** What an update of these targets would do, before it starts (rollback possible or not). */
  preflight: call<UpdatePlan[]>()(z.strictObject({ target: updateTargetSchema }), {
    hostFields: { 'target.items.[].hostId': 'read' },
  }),
  /**
   * Pulls each container's image and recreates it with the same configuration, one task per
   * container; a container that does not come up running and healthy is rolled back to its
   * previous image. `allowNoRollback` must be set to update containers whose plan says
   * canRollBack: false.
   */
  apply: call<UpdatesApplyResult>()(
    z.strictObject({ target: updateTargetSchema, allowNoRollback: z.boolean().default(false) }),
    // Every listed container's host is judged; project and label targets are judged per host by the service.
    { timeoutMs: 60_000, hostFields: { 'target.items.[].hostId': 'delete' } },
  ),
};
