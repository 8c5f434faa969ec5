import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { pumpBytes } from '../../streams/pump-bytes';
import { prune } from '../system/prune';
import type { HelperRegistry } from './volume-helper';
import { volumeService } from './volume-service';

/** Binds the volumes namespace of the contract to the volume service of each host. */
export function volumesHandlers({ hosts, onDispose }: AppContext): Handlers<Contract>['volumes'] {
  const helpers: HelperRegistry = new Set();
  // Helper containers still alive at shutdown (a download in progress) are removed too.
  onDispose(() => {
    for (const h of [...helpers]) void h.remove();
  });
  const on = async (hostId: string) => volumeService((await hosts.client(hostId)).docker, helpers);

  return {
    list: async ({ hostId }, ctx) => (await on(hostId)).list(ctx),
    inspect: async ({ hostId, name }, ctx) => (await on(hostId)).inspect(name, ctx),
    create: async (input, ctx) => (await on(input.hostId)).create(input, ctx),
    remove: async ({ hostId, name, force }, ctx) => (await on(hostId)).remove(name, force, ctx),
    prune: async ({ hostId, labels }, { signal }) =>
      prune((await hosts.client(hostId)).docker, 'volumes', labels, signal),
    browse: async ({ hostId, name, path }, ctx) => (await on(hostId)).browse(name, path, ctx),

    download: async ({ hostId, name, path }, sink) => {
      const { archive, release } = await (await on(hostId)).openArchive(name, path, sink.signal);
      // The helper goes when the tar ends or fails, and when the subscriber goes away.
      sink.signal.addEventListener('abort', () => void release(), { once: true });
      const stop = pumpBytes(archive, sink, {
        wrap: (bytes) => ({ bytes }),
        maxBytes: 256 * 1024,
        onSourceEnd: (error) => {
          void release().then(() => sink.end(error));
        },
      });
      return () => {
        stop();
        void release();
      };
    },
  };
}
