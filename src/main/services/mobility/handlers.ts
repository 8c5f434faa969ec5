import { AppError, type Contract, type ForwardView } from '@shared/contract';
import { policyAllows } from '@shared/policy/method-access';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { defaultConfigDir } from '../../config-dir';
import { containerBodyCheck } from '../../security/workload-bodies';
import { stackServiceFor } from '../stacks/stack-service-for';
import { StackStore } from '../stacks/stack-store';
import { tasksFor } from '../tasks/tasks-for';
import type { HelperRegistry } from '../volumes/volume-helper';
import { containerTransferPreflight, startContainerTransfer } from './container-transfer';
import type { MobilityDeps } from './mobility-deps';
import { PortForwards } from './port-forwards';
import { stackTransferPreflight, startStackTransfer } from './stack-transfer';
import { startVolumeBackup, startVolumeRestore } from './volume-backup';
import { startVolumeCopy, volumeCopyPreflight } from './volume-copy';

/** Binds the mobility namespace: copies and moves run as tasks, forwards live in main. */
export function mobilityHandlers(ctx: AppContext): Handlers<Contract>['mobility'] {
  const helpers: HelperRegistry = new Set();
  const hostName = (hostId: string) => ctx.hosts.list().find((h) => h.id === hostId)?.name ?? hostId;
  const known = (...ids: string[]) => {
    for (const id of ids) {
      if (!ctx.hosts.list().some((h) => h.id === id))
        throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${id}.` });
    }
  };
  const store = new StackStore(ctx.configDir ?? defaultConfigDir());
  const stacks = stackServiceFor(ctx, store);
  const deps = (): MobilityDeps => ({
    docker: async (hostId) => (await ctx.hosts.client(hostId)).docker,
    hostName,
    tasks: tasksFor(ctx),
    checkCreateBody: (hostId, body) =>
      containerBodyCheck(ctx.hosts.get(hostId), 'mobility.containerTransfer')(body),
    stacks,
    forgetStack: (hostId, project) => store.forget(hostId, project),
  });
  const forwards = new PortForwards({ client: (hostId) => ctx.hosts.client(hostId), hostName });
  // A host that is removed takes its forwards along; one that disconnects keeps them (they
  // resume with the host), but new connections fail with the host's error meanwhile.
  // A forward reaches as far as a shell: a host that is removed, or whose policy no longer allows
  // that, takes its forwards along (as its terminals end).
  const stopWatching = ctx.hosts.watch((snap) => {
    const allowed = new Set(snap.hosts.filter((h) => policyAllows(h.policy, 'exec')).map((h) => h.id));
    for (const f of forwards.list()) if (!allowed.has(f.hostId)) void forwards.closeHost(f.hostId);
  });
  ctx.onDispose(() => {
    stopWatching();
    forwards.dispose();
    for (const h of [...helpers]) void h.remove();
  });

  return {
    volumeCopyPreflight: async (input, { signal }) => {
      known(input.hostId, input.targetHostId);
      return volumeCopyPreflight(deps(), input, signal);
    },
    volumeCopy: (input) => {
      known(input.hostId, input.targetHostId);
      return { taskId: startVolumeCopy(deps(), helpers, input).id };
    },
    volumeBackup: (input) => {
      known(input.hostId);
      return { taskId: startVolumeBackup(deps(), helpers, input).id };
    },
    volumeRestore: (input) => {
      known(input.hostId);
      return { taskId: startVolumeRestore(deps(), helpers, input).id };
    },
    containerPreflight: async (input, { signal }) => {
      known(input.hostId, input.targetHostId);
      return containerTransferPreflight(deps(), { ...input, mode: 'clone', removeSource: false }, signal);
    },
    containerTransfer: (input) => {
      known(input.hostId, input.targetHostId);
      return { taskId: startContainerTransfer(deps(), helpers, input).id };
    },
    stackPreflight: async (input, { signal }) => {
      known(input.hostId, input.targetHostId);
      return stackTransferPreflight(deps(), { ...input, mode: 'clone', removeSource: false }, signal);
    },
    stackTransfer: (input) => {
      known(input.hostId, input.targetHostId);
      return { taskId: startStackTransfer(deps(), helpers, input).id };
    },
    forwardOpen: async (input, { signal }) => {
      known(input.hostId);
      return forwards.open(input, signal);
    },
    forwardClose: async ({ id }) => forwards.close(id),
    forwards: (_params, sink) => forwards.watch((list: ForwardView[]) => void sink.emit(list)),
  };
}
