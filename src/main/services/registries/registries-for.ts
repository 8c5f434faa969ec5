import type { AppContext } from '../../app/app-context';
import { defaultConfigDir } from '../../config-dir';
import { RegistryService, type CredentialTarget } from './registry-service';
import { fileKeySecretBox } from '../../security/secret-box';

const services = new WeakMap<AppContext, RegistryService>();

/** The one registry-login service of a backend, shared by the registries and images namespaces. */
export function registriesFor(ctx: AppContext): RegistryService {
  let service = services.get(ctx);
  if (!service) {
    const dir = ctx.configDir ?? defaultConfigDir();
    service = new RegistryService(dir, ctx.secrets ?? fileKeySecretBox(dir));
    services.set(ctx, service);
  }
  return service;
}

/** Where a login would go when used on `hostId`: its name, and whether it is a local socket. */
export function credentialTarget(ctx: AppContext, hostId: string): CredentialTarget {
  const host = ctx.hosts.get(hostId);
  return { hostId, hostName: host?.name ?? hostId, local: host?.endpoint.kind === 'socket' };
}
