import os from 'node:os';
import path from 'node:path';
import { AppError, type Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import type { LoginInput } from './registry-service';
import { normalizeRegistry } from './registry-address';
import { credentialTarget, registriesFor } from './registries-for';

/** ~/.docker/config.json, or $DOCKER_CONFIG/config.json as the docker CLI reads it. */
function dockerConfigFile(ctx: AppContext): { file: string; shown: string } {
  if (!ctx.homeDir && process.env.DOCKER_CONFIG) {
    const file = path.join(process.env.DOCKER_CONFIG, 'config.json');
    return { file, shown: file };
  }
  return {
    file: path.join(ctx.homeDir ?? os.homedir(), '.docker', 'config.json'),
    shown: '~/.docker/config.json',
  };
}

/** Binds the registries namespace: stored logins, login tests, import from the docker CLI. */
export function registriesHandlers(ctx: AppContext): Handlers<Contract>['registries'] {
  const service = () => registriesFor(ctx);
  return {
    list: () => service().list(),
    add: (input) => service().add(input),
    update: (patch) => {
      const p: Partial<LoginInput> & { id: string } = { id: patch.id };
      if (patch.address !== undefined) p.address = patch.address;
      if (patch.username !== undefined) p.username = patch.username;
      if (patch.secret !== undefined) p.secret = patch.secret;
      if (patch.secretKind !== undefined) p.secretKind = patch.secretKind;
      return service().update(p);
    },
    remove: ({ id }) => service().remove(id),
    testLogin: async (input, { signal }) => {
      const stored = input.id ? await service().view(input.id) : undefined;
      const address = input.address ?? stored?.address;
      // A stored secret only ever goes to the registry it was stored for, and to this engine only
      // if the user allowed it (a typed secret is sent where the user asked).
      const sameRegistry =
        !!stored && !!address && normalizeRegistry(address) === normalizeRegistry(stored.address);
      const secret =
        input.secret ??
        (stored && sameRegistry
          ? (await service().login(stored.id, credentialTarget(ctx, input.hostId))).secret
          : undefined);
      if (!address || secret === undefined) {
        throw new AppError({
          code: 'INVALID_INPUT',
          message: 'Enter the registry address and the password or token.',
        });
      }
      const login: LoginInput = {
        address,
        username: input.username ?? stored?.username ?? '',
        secret,
        secretKind: input.secretKind ?? stored?.secretKind ?? 'password',
      };
      const { docker } = await ctx.hosts.client(input.hostId);
      return service().testLogin(docker, login, signal);
    },
    importDockerConfig: () => {
      const { file, shown } = dockerConfigFile(ctx);
      return service().importDockerConfig(file, shown);
    },
    match: ({ reference }) => service().match(reference),
    allowHost: ({ id, hostId, allowed }) => {
      if (!ctx.hosts.get(hostId))
        throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${hostId}.` });
      return service().allowHost(id, credentialTarget(ctx, hostId), allowed);
    },
  };
}
