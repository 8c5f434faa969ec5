import type { AppContext } from '../../app/app-context';
import { defaultConfigDir } from '../../config-dir';
import { RegistryService, type CredentialTarget } from './registry-service';
import { fileKeySecretBox } from '../../security/secret-box';
import { endpointKey } from '../contexts/context-mapping';
import { perContext } from '../../app/per-context';

/** The one registry-login service of a backend, shared by the registries and images namespaces. */
export const registriesFor = perContext((ctx) => {
  const dir = ctx.configDir ?? defaultConfigDir();
  return new RegistryService(dir, ctx.secrets ?? fileKeySecretBox(dir), (id) => {
    const host = ctx.hosts.get(id);
    return host ? endpointKey(host.endpoint) : undefined;
  });
});

/**
 * Where a login would go when used on `hostId`: its name, its endpoint, and whether it is a socket
 * the user confirmed as this computer's engine (any other socket may be a forwarder to elsewhere).
 */
export function credentialTarget(ctx: AppContext, hostId: string): CredentialTarget {
  const host = ctx.hosts.get(hostId);
  const e = host?.endpoint;
  return {
    hostId,
    hostName: host?.name ?? hostId,
    endpoint: e ? endpointKey(e) : '',
    local: e?.kind === 'socket' && e.localEngine === true,
  };
}
