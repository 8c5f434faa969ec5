import type { ContainerSignal, ContainerSummary } from '@shared/contract';
import { isLive } from '../lib/container-filter';
import type { Verdict } from '../lib/policy';
import type { CallName } from '../lib/method-types';
import { defineAction, REMOVE, words, type Placement, type ResourceAction } from './define';

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

/** What each action says: label, status while it runs, "Couldn't … x", "x …ed" (see `words`). */
const WORDS = {
  start: words('Start', 'Starting…', 'start', 'started'),
  stop: words('Stop', 'Stopping…', 'stop', 'stopped'),
  restart: words('Restart', 'Restarting…', 'restart', 'restarted'),
  pause: words('Pause', 'Pausing…', 'pause', 'paused'),
  unpause: words('Resume', 'Resuming…', 'resume', 'resumed'),
  'stop-timeout': words('Stop with timeout', 'Stopping…', 'stop', 'stopped'),
  kill: words('Kill', 'Killing…', 'kill', 'killed'),
  rename: words('Rename', 'Renaming…', 'rename', 'renamed'),
  recreate: words('Edit and recreate', 'Recreating…', 'recreate', 'recreated'),
  move: words('Move to host', 'Moving…', 'move', 'moved'),
  clone: words('Clone to host', 'Cloning…', 'clone', 'cloned'),
  forward: words('Forward port', 'Forwarding…', 'forward a port of', 'forwarded'),
  terminal: words('Open terminal', 'Opening…', 'open a terminal in', 'opened'),
};

/** A call on the container alone, named like its method and its icon (start: containers.start). */
function plainCall<Id extends 'start' | 'stop' | 'restart' | 'pause' | 'unpause'>(id: Id) {
  return {
    id,
    method: `containers.${id}` as const,
    ...WORDS[id],
    icon: id,
    input: (t: ContainerTarget) => t,
  };
}

/** An action that opens its dialog first: the dialog has the action's id as its name. */
function asksFirst<Id extends keyof typeof WORDS, M extends CallName>(id: Id, method: M) {
  return { id, method, ...WORDS[id], confirm: id };
}

/** Where most rows appear: a row icon, a button in the details header and the bulk bar; or in menus. */
const BUTTONS = ['row', 'details', 'bulk'] as const;
const MENUS = ['menu', 'details-menu'] as const;

/**
 * Every container action, one row each, in the order the surfaces show them (bulk bar: start …
 * remove; menu: pause … recreate). Adding one: a contract method, its service, a row here.
 */
export const CONTAINER_ACTIONS = {
  start: defineAction({ ...plainCall('start'), appears: BUTTONS, appliesTo: stopped }),
  stop: defineAction({
    ...plainCall('stop'),
    appears: BUTTONS,
    appliesTo: isLive,
    input: (t, o) => (o.timeoutSec === undefined ? t : { ...t, timeoutSec: o.timeoutSec }),
  }),
  restart: defineAction({ ...plainCall('restart'), appears: BUTTONS, appliesTo: always }),
  pause: defineAction({ ...plainCall('pause'), appears: ['menu', 'details', 'bulk'], appliesTo: running }),
  unpause: defineAction({ ...plainCall('unpause'), appears: ['menu', 'details', 'bulk'], appliesTo: paused }),
  'stop-timeout': defineAction({
    ...asksFirst('stop-timeout', 'containers.stop'),
    icon: 'stop',
    appears: MENUS,
    appliesTo: isLive,
  }),
  kill: defineAction({
    ...asksFirst('kill', 'containers.kill'),
    icon: 'kill',
    danger: true,
    toast: true,
    appears: [...MENUS, 'bulk'],
    appliesTo: isLive,
    input: (t, o) => ({ ...t, signal: o.signal ?? 'SIGKILL' }),
  }),
  rename: defineAction({
    ...asksFirst('rename', 'containers.rename'),
    icon: 'rename',
    toast: true,
    appears: MENUS,
    appliesTo: always,
    input: (t, o) => ({ ...t, name: o.name ?? '' }),
  }),
  recreate: defineAction({
    ...asksFirst('recreate', 'containers.recreate'),
    icon: 'rename',
    appears: ['menu', 'details'],
    appliesTo: always,
  }),
  move: defineAction({
    ...asksFirst('move', 'mobility.containerTransfer'),
    appears: MENUS,
    appliesTo: always,
  }),
  clone: defineAction({
    ...asksFirst('clone', 'mobility.containerTransfer'),
    appears: MENUS,
    appliesTo: always,
  }),
  forward: defineAction({
    ...asksFirst('forward', 'mobility.forwardOpen'),
    appears: MENUS,
    appliesTo: running,
  }),
  remove: defineAction({
    ...REMOVE,
    method: 'containers.remove',
    icon: 'remove',
    toast: true,
    appears: BUTTONS,
    appliesTo: always,
    input: (t, o) => ({ ...t, force: o.force ?? false, volumes: o.volumes ?? false }),
  }),
  terminal: defineAction({
    id: 'terminal',
    method: 'exec.open',
    ...WORDS.terminal,
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
