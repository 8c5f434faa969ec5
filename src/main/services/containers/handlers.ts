import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { toAppError } from '../../errors/to-app-error';
import { pumpBytes } from '../../streams/pump-bytes';
import { runBulk } from './bulk';
import { containerService } from './container-service';
import { createContainer, recreateContainer, runSpecOf } from './create';
import { listDir, openDownload, statPath } from './files';
import { prunePreview, pruneContainers } from './prune';
import { DEFAULT_UPLOAD_LIMIT, UploadRegistry } from './uploads';

/** Binds the containers namespace of the contract to the container service of each host. */
export function containersHandlers({
  hosts,
  settings,
  onDispose,
  sessions,
}: AppContext): Handlers<Contract>['containers'] {
  const uploads = new UploadRegistry(sessions, () =>
    settings ? settings.current().maxUploadMiB * 1024 * 1024 : DEFAULT_UPLOAD_LIMIT,
  );
  onDispose(() => uploads.dispose());
  const docker = async (hostId: string) => (await hosts.client(hostId)).docker;
  const on = async (hostId: string) => containerService(await docker(hostId));

  return {
    list: async ({ hostId, all, ids }, ctx) => (await on(hostId)).list(all, ctx, ids),
    start: async ({ hostId, id }, ctx) => (await on(hostId)).start(id, ctx),
    stop: async ({ hostId, id, timeoutSec }, ctx) => (await on(hostId)).stop(id, timeoutSec, ctx),
    restart: async ({ hostId, id, timeoutSec }, ctx) => (await on(hostId)).restart(id, timeoutSec, ctx),
    pause: async ({ hostId, id }, ctx) => (await on(hostId)).pause(id, ctx),
    unpause: async ({ hostId, id }, ctx) => (await on(hostId)).unpause(id, ctx),
    kill: async ({ hostId, id, signal }, ctx) => (await on(hostId)).kill(id, signal, ctx),
    rename: async ({ hostId, id, name }, ctx) => (await on(hostId)).rename(id, name, ctx),
    remove: async ({ hostId, id, force, volumes }, ctx) => (await on(hostId)).remove(id, force, volumes, ctx),
    bulk: async ({ hostId, action, ids, ...opts }, ctx) => {
      const client = await hosts.client(hostId);
      return runBulk(containerService(client.docker), action, ids, opts, ctx, (e) =>
        toAppError(e, { address: client.address }),
      );
    },
    inspect: async ({ hostId, id }, ctx) => (await on(hostId)).inspect(id, ctx),
    top: async ({ hostId, id }, ctx) => (await on(hostId)).top(id, ctx),
    prunePreview: async ({ hostId, labels }, ctx) => prunePreview(await docker(hostId), labels, ctx),
    prune: async ({ hostId, labels }, ctx) => pruneContainers(await docker(hostId), labels, ctx),
    formOptions: async ({ hostId }, ctx) => (await on(hostId)).formOptions(ctx),
    create: async ({ hostId, spec, start }, ctx) => createContainer(await docker(hostId), spec, start, ctx),
    runSpec: async ({ hostId, id }, ctx) => runSpecOf(await docker(hostId), id, ctx),
    recreate: async ({ hostId, id, spec, start, timeoutSec }, ctx) =>
      recreateContainer(await docker(hostId), id, spec, { start, timeoutSec }, ctx),
    filesStat: async ({ hostId, id, path }, ctx) => statPath(await docker(hostId), id, path, ctx),
    filesList: async ({ hostId, id, path }, ctx) => listDir(await docker(hostId), id, path, ctx),
    filesDownload: async ({ hostId, id, path, format }, sink) => {
      const source = await openDownload(await docker(hostId), id, path, format, sink);
      return pumpBytes(source, sink, {
        wrap: (bytes) => ({ bytes }),
        maxBytes: 256 * 1024,
        onSourceEnd: (error) => sink.end(error),
      });
    },
    filesUploadStart: async ({ hostId, id, path, files }, ctx) =>
      uploads.start(hostId, await docker(hostId), id, path, files, ctx),
    filesUploadChunk: async ({ uploadId, bytes }) => uploads.chunk(uploadId, bytes),
    filesUploadFinish: async ({ uploadId }) => uploads.finish(uploadId),
    filesUploadAbort: async ({ uploadId }) => uploads.abort(uploadId),
  };
}
