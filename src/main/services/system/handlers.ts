import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { readDf, summarizeDiskUsage } from './disk-usage';
import { diskUsageHubFor } from './disk-usage-hub';
import { previewPrune, prune } from './prune';

/** Binds the system namespace (disk usage, prune per kind) to each host's engine. */
export function systemHandlers(ctx: AppContext): Handlers<Contract>['system'] {
  const { hosts } = ctx;
  const hub = diskUsageHubFor(ctx);
  const docker = async (hostId: string) => (await hosts.client(hostId)).docker;
  return {
    diskUsage: async ({ hostId }, { signal }) => {
      const usage = summarizeDiskUsage(await readDf(await docker(hostId), signal));
      hub.report(hostId, usage);
      return usage;
    },
    prunePreview: async ({ hostId, kind, labels }, { signal }) =>
      previewPrune(await docker(hostId), kind, labels, signal),
    prune: async ({ hostId, kind, labels }, { signal }) => prune(await docker(hostId), kind, labels, signal),
  };
}
