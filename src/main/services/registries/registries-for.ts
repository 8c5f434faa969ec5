import type { AppContext } from '../../app/app-context';
import { defaultConfigDir } from '../../config-dir';
import { RegistryService } from './registry-service';
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
