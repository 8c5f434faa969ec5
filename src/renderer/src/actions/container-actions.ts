import type { ContainerSignal, ContainerSummary } from '@shared/contract';
import { isLive } from '../lib/container-filter';
import type { Verdict } from '../lib/policy';
import { defineAction, type Placement, type ResourceAction } from './define';

export { actionText } from './define';

type Item = Pick<ContainerSummary, 'state'>;
export interface ContainerTarget {
  hostId: string;
  id: string;
}
export interface ContainerActionOptions {
  timeoutSec?: number;
  signal?: ContainerSignal;
  name?: string;
  force?: boolean;
  volumes?: boolean;
}
type Row<Id extends string> = ResourceAction<Id, Item, ContainerTarget, ContainerActionOptions>;

const always = () => true;
const running = (c: Item) => c.state === 'running';
const paused = (c: Item) => c.state === 'paused';
const stopped = (c: Item) => !isLive(c);

/**
 * Every container action, one row each, in the order the surfaces show them (bulk bar: start …
 * remove; menu: pause … recreate). Adding one: a contract method, its service, a row here.
 */
export const CONTAINER_ACTIONS = {
  start: defineAction({
    id: 'start',
    method: 'containers.start',
    label: 'Start',
    busy: 'Starting…',
    failed: 'start',
    done: 'started',
    icon: 'start',
    appears: ['row', 'details', 'bulk'],
    appliesTo: stopped,
    input: (t) => t,
  }),
  stop: defineAction({
    id: 'stop',
    method: 'containers.stop',
    label: 'Stop',
    busy: 'Stopping…',
    failed: 'stop',
    done: 'stopped',
    icon: 'stop',
    appears: ['row', 'details', 'bulk'],
    appliesTo: isLive,
    input: (t, o) => (o.timeoutSec === undefined ? t : { ...t, timeoutSec: o.timeoutSec }),
  }),
  restart: defineAction({
    id: 'restart',
    method: 'containers.restart',
    label: 'Restart',
    busy: 'Restarting…',
    failed: 'restart',
    done: 'restarted',
    icon: 'restart',
    appears: ['row', 'details', 'bulk'],
    appliesTo: always,
    input: (t) => t,
  }),
  pause: defineAction({
    id: 'pause',
    method: 'containers.pause',
    label: 'Pause',
    busy: 'Pausing…',
    failed: 'pause',
    done: 'paused',
    icon: 'pause',
    appears: ['menu', 'details', 'bulk'],
    appliesTo: running,
    input: (t) => t,
  }),
  unpause: defineAction({
    id: 'unpause',
    method: 'containers.unpause',
    label: 'Resume',
    busy: 'Resuming…',
    failed: 'resume',
    done: 'resumed',
    icon: 'unpause',
    appears: ['menu', 'details', 'bulk'],
    appliesTo: paused,
    input: (t) => t,
  }),
  'stop-timeout': defineAction({
    id: 'stop-timeout',
    method: 'containers.stop',
    label: 'Stop with timeout',
    busy: 'Stopping…',
    failed: 'stop',
    done: 'stopped',
    icon: 'stop',
    confirm: 'stop-timeout',
    appears: ['menu', 'details-menu'],
    appliesTo: isLive,
  }),
  kill: defineAction({
    id: 'kill',
    method: 'containers.kill',
    label: 'Kill',
    busy: 'Killing…',
    failed: 'kill',
    done: 'killed',
    icon: 'kill',
    confirm: 'kill',
    danger: true,
    toast: true,
    appears: ['menu', 'details-menu', 'bulk'],
    appliesTo: isLive,
    input: (t, o) => ({ ...t, signal: o.signal ?? 'SIGKILL' }),
  }),
  rename: defineAction({
    id: 'rename',
    method: 'containers.rename',
    label: 'Rename',
    busy: 'Renaming…',
    failed: 'rename',
    done: 'renamed',
    icon: 'rename',
    confirm: 'rename',
    toast: true,
    appears: ['menu', 'details-menu'],
    appliesTo: always,
    input: (t, o) => ({ ...t, name: o.name ?? '' }),
  }),
  recreate: defineAction({
    id: 'recreate',
    method: 'containers.recreate',
    label: 'Edit and recreate',
    busy: 'Recreating…',
    failed: 'recreate',
    done: 'recreated',
    icon: 'rename',
    confirm: 'recreate',
    appears: ['menu', 'details'],
    appliesTo: always,
  }),
  move: defineAction({
    id: 'move',
    method: 'mobility.containerTransfer',
    label: 'Move to host',
    busy: 'Moving…',
    failed: 'move',
    done: 'moved',
    confirm: 'move',
    appears: ['menu', 'details-menu'],
    appliesTo: always,
  }),
  clone: defineAction({
    id: 'clone',
    method: 'mobility.containerTransfer',
    label: 'Clone to host',
    busy: 'Cloning…',
    failed: 'clone',
    done: 'cloned',
    confirm: 'clone',
    appears: ['menu', 'details-menu'],
    appliesTo: always,
  }),
  forward: defineAction({
    id: 'forward',
    method: 'mobility.forwardOpen',
    label: 'Forward port',
    busy: 'Forwarding…',
    failed: 'forward a port of',
    done: 'forwarded',
    confirm: 'forward',
    appears: ['menu', 'details-menu'],
    appliesTo: running,
  }),
  remove: defineAction({
    id: 'remove',
    method: 'containers.remove',
    label: 'Remove',
    busy: 'Removing…',
    failed: 'remove',
    done: 'removed',
    icon: 'remove',
    confirm: 'remove',
    danger: true,
    toast: true,
    appears: ['row', 'details', 'bulk'],
    appliesTo: always,
    input: (t, o) => ({ ...t, force: o.force ?? false, volumes: o.volumes ?? false }),
  }),
  terminal: defineAction({
    id: 'terminal',
    method: 'exec.open',
    label: 'Open terminal',
    busy: 'Opening…',
    failed: 'open a terminal in',
    done: 'opened',
    appears: ['row'],
    appliesTo: running,
  }),
} satisfies Record<string, Row<string>>;

/** Anything a user can ask for on one container. */
export type ContainerActionId = keyof typeof CONTAINER_ACTIONS;
/** The actions the containers store runs itself (the others open a dialog or a terminal). */
export type ContainerAction =
  'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'rename' | 'remove';

export type ContainerActionRow = Row<ContainerActionId>;

export function containerAction(id: ContainerActionId): ContainerActionRow {
  return CONTAINER_ACTIONS[id] as ContainerActionRow;
}

/** The rows a surface shows, in table order. */
export function containerActionsFor(place: Placement): ContainerActionRow[] {
  return (Object.values(CONTAINER_ACTIONS) as ContainerActionRow[]).filter((a) => a.appears.includes(place));
}

/** The contract method behind an action id (menu entries such as Details have none). */
export function containerActionMethod(id: string): string | undefined {
  return id in CONTAINER_ACTIONS ? CONTAINER_ACTIONS[id as ContainerActionId].method : undefined;
}

/**
 * Drops menu entries the policy forbids: a menu full of disabled items is noise, and the host
 * header's badge says what the policy allows. Entries with no method (Details) always stay.
 */
export function withoutForbidden<T extends { id: string }>(
  items: T[],
  allowed: (method: string, input?: unknown) => Verdict,
): T[] {
  return items.filter((item) => {
    const method = containerActionMethod(item.id);
    return method === undefined || allowed(method).ok;
  });
}
