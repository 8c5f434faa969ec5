import type { HostPolicy } from '../contract/hosts';
import { accessOfRequest } from '../apilog/request-access';
import type { HttpMethod } from '../apilog/engine-request';
import type { MethodName } from '../contract/method-name';

/**
 * What a contract method does to an engine. `app` methods change Berthmaster's own settings, not an
 * engine, and are never limited by a host's policy.
 */
export type Access = 'app' | 'read' | 'write' | 'delete' | 'exec' | 'build' | 'browse';

const ALLOWED: Record<HostPolicy, ReadonlySet<Access>> = {
  full: new Set<Access>(['app', 'read', 'write', 'delete', 'exec', 'build', 'browse']),
  restricted: new Set<Access>(['app', 'read', 'write']),
  'read-only': new Set<Access>(['app', 'read']),
};

export function policyAllows(policy: HostPolicy, access: Access): boolean {
  return ALLOWED[policy].has(access);
}

/** Human wording for refusals: "This host's policy (restricted) does not allow deleting." */
export const ACCESS_VERBS: Record<Access, string> = {
  app: 'changing settings',
  read: 'reading',
  write: 'changes',
  delete: 'deleting or pruning',
  exec: 'shells and attaching',
  build: 'building and pushing images',
  browse: 'browsing files',
};

/**
 * Every contract method and what it does. Keyed by the contract's own method names, so a method
 * missing here or misspelt fails to compile; accessOf still fails closed for unknown names.
 */
export const METHOD_ACCESS: Record<MethodName, Access | ((input: unknown) => Access)> = {
  'app.openExternal': 'app',
  'mobility.volumeCopyPreflight': 'read',
  // Reads every file of the volume (the target host is judged as a write by its own field).
  'mobility.volumeCopy': 'browse',
  'mobility.volumeBackup': 'browse',
  'mobility.volumeRestore': 'write',
  'mobility.containerPreflight': 'read',
  // Copies the container's volumes (browse); a move that removes the source deletes.
  'mobility.containerTransfer': (input) =>
    (input as { removeSource?: boolean } | null)?.removeSource ? 'delete' : 'browse',
  'mobility.stackPreflight': 'read',
  // As a container: volumes copied (browse); taking the source project down deletes.
  'mobility.stackTransfer': (input) =>
    (input as { removeSource?: boolean } | null)?.removeSource ? 'delete' : 'browse',
  // A forward reaches as far as a shell into the container's network.
  'mobility.forwardOpen': 'exec',
  'mobility.forwardClose': 'app',
  'mobility.forwards': 'app',
  'app.menu': 'app',
  'hosts.list': 'app',
  'hosts.add': 'app',
  'hosts.update': 'app',
  'hosts.remove': 'app',
  'hosts.reorder': 'app',
  'hosts.test': 'app',
  'hosts.trustHostKey': 'app',
  'hosts.reconnect': 'app',
  'hosts.engineInfo': 'read',
  'hosts.connectionLog': 'app',
  'hosts.discover': 'app',
  'hosts.watch': 'app',
  'contexts.list': 'app',
  'contexts.import': 'app',
  'contexts.export': 'app',
  'settings.get': 'app',
  'settings.update': 'app',
  'containers.list': 'read',
  'containers.start': 'write',
  'containers.stop': 'write',
  'containers.restart': 'write',
  'containers.remove': 'delete',
  'events.watch': 'read',
  'events.recent': 'read',
  'audit.list': 'app',
  'audit.watch': 'app',
  'containers.inspect': 'read',
  'containers.top': 'read',
  'containers.prunePreview': 'read',
  'containers.formOptions': 'read',
  'containers.runSpec': 'read',
  'images.list': 'read',
  'images.inspect': 'read',
  'logs.follow': 'read',
  'stats.container': 'read',
  'stats.summary': 'read',
  'exec.list': 'read',
  'exec.output': 'read',
  'tasks.watch': 'read',
  'tasks.output': 'read',
  'registries.match': 'read',
  'registries.allowHost': 'app',
  'containers.pause': 'write',
  'containers.unpause': 'write',
  'containers.kill': 'write',
  'containers.rename': 'write',
  'containers.create': 'write',
  'images.tag': 'write',
  'images.pull': 'write',
  'images.load': 'write',
  'images.copy': 'write',
  'exec.resize': 'write',
  'exec.ack': 'write',
  'exec.close': 'write',
  'tasks.cancel': 'write',
  'tasks.clear': 'write',
  'containers.prune': 'delete',
  'containers.recreate': 'delete',
  'images.untag': 'delete',
  'images.remove': 'delete',
  'images.prune': 'delete',
  'containers.filesStat': 'browse',
  'containers.filesList': 'browse',
  'containers.filesDownload': 'browse',
  'containers.filesUploadStart': 'browse',
  'containers.filesUploadChunk': 'browse',
  'containers.filesUploadFinish': 'browse',
  'containers.filesUploadAbort': 'browse',
  'images.save': 'browse',
  'images.build': 'build',
  'images.push': 'build',
  'exec.open': 'exec',
  'exec.attach': 'exec',
  'exec.reopen': 'exec',
  'exec.input': 'exec',
  'registries.list': 'app',
  'registries.add': 'app',
  'registries.update': 'app',
  'registries.remove': 'app',
  // Sends POST /auth to the host's engine: a change of what the engine holds, so not on read-only.
  'registries.testLogin': 'write',
  'registries.importDockerConfig': 'app',
  // Bulk actions are as strong as the action they apply.
  'containers.bulk': (input) => (isDestructiveBulk(input) ? 'delete' : 'write'),
  'networks.list': 'read',
  'networks.capabilities': 'read',
  'networks.details': 'read',
  'volumes.list': 'read',
  'volumes.inspect': 'read',
  'system.diskUsage': 'read',
  'system.prunePreview': 'read',
  'networks.create': 'write',
  'networks.connect': 'write',
  'networks.disconnect': 'write',
  'volumes.create': 'write',
  'networks.remove': 'delete',
  'networks.prune': 'delete',
  'volumes.remove': 'delete',
  'volumes.prune': 'delete',
  'system.prune': 'delete',
  'volumes.browse': 'browse',
  'volumes.download': 'browse',
  // Spans every host, so the guard (which checks calls naming a host) cannot judge it; the search
  // service itself skips hosts whose policy does not allow reading. Every policy allows it today,
  // and as a read it stays out of the audit log (the palette searches on every keystroke).
  'search.objects': 'read',
  'swarm.info': 'read',
  'swarm.nodes': 'read',
  'swarm.nodeInspect': 'read',
  'swarm.services': 'read',
  'swarm.serviceInspect': 'read',
  'swarm.tasks': 'read',
  'swarm.serviceLogs': 'read',
  'swarm.watchService': 'read',
  'swarm.stacks': 'read',
  'swarm.secrets': 'read',
  'swarm.configs': 'read',
  // Drain, pause, promote and demote move workloads but destroy nothing.
  'swarm.nodeUpdate': 'write',
  'swarm.serviceCreate': 'write',
  'swarm.serviceScale': 'write',
  'swarm.serviceUpdate': 'write',
  'swarm.serviceRollback': 'write',
  'swarm.secretCreate': 'write',
  'swarm.configCreate': 'write',
  'swarm.nodeRemove': 'delete',
  'swarm.serviceRemove': 'delete',
  'swarm.stackRemove': 'delete',
  'swarm.secretRemove': 'delete',
  'swarm.configRemove': 'delete',
  // The API log is Berthmaster's own record of what it sent; reading or clearing it touches no engine.
  'apilog.list': 'app',
  'apilog.watch': 'app',
  'apilog.details': 'app',
  'apilog.export': 'app',
  'apilog.clear': 'app',
  'apilog.target': 'app',
  'apilog.runCommand': 'read',
  // A console request is as strong as what it does to the engine.
  'apilog.send': consoleAccess,
  'apilog.follow': consoleAccess,
  // Fleet watch. These span every host, so the guard (which judges calls naming one host) passes
  // them; the services skip or refuse hosts whose policy does not allow the access named here.
  'fleet.settings': 'app',
  'fleet.configure': 'app',
  'updates.status': 'read',
  'updates.check': 'read',
  'updates.watch': 'read',
  'updates.preflight': 'read',
  // An update recreates containers, as containers.recreate does.
  'updates.apply': 'delete',
  'alerts.list': 'app',
  'alerts.watch': 'app',
  'alerts.acknowledge': 'app',
  'alerts.clear': 'app',
  'mergedLogs.follow': 'read',
  'hostCharts.watch': 'read',
  // Stacks: a read-only host can look (list, plan, logs); deploying creates and replaces containers.
  'stacks.list': 'read',
  'stacks.get': 'read',
  'stacks.plan': 'read',
  'stacks.logs': 'read',
  'stacks.adoptPreview': 'read',
  // Checks a file without touching an engine.
  'stacks.validate': 'app',
  // Keeping a file in the app's config changes no engine, but it is what a deploy will run.
  'stacks.save': 'app',
  'stacks.adopt': 'app',
  'stacks.forget': 'app',
  'stacks.start': 'write',
  'stacks.stop': 'write',
  'stacks.restart': 'write',
  'stacks.pull': 'write',
  'stacks.scale': 'write',
  // Up creates (write); on a restricted host the service also inspects every create body and
  // refuses replacing or removing containers (stacks/create-check.ts).
  'stacks.up': 'write',
  'stacks.down': 'delete',
};

function consoleAccess(input: unknown): Access {
  const r = input as { method?: unknown; path?: unknown } | null;
  if (typeof r?.method !== 'string' || typeof r.path !== 'string') return 'write';
  return accessOfRequest(r.method as HttpMethod, r.path);
}

function isDestructiveBulk(input: unknown): boolean {
  const action = (input as { action?: unknown } | null)?.action;
  return action === 'remove';
}

export function accessOf(method: string, input?: unknown): Access | undefined {
  if (!Object.prototype.hasOwnProperty.call(METHOD_ACCESS, method)) return undefined;
  const a = METHOD_ACCESS[method as MethodName];
  return typeof a === 'function' ? a(input) : a;
}
