import { endpointFromEnvironment } from '../hosts/docker-env';
import type { FirstHost } from '../hosts/host-service';
import { defaultEngineSocket } from '../hosts/local-engine-candidates';
import { contextToEndpoint } from './context-mapping';
import { dockerConfigDir, readContexts, readCurrentContext } from './context-store';

/**
 * The first host, chosen as `docker ps` would choose its engine: DOCKER_HOST (with its TLS
 * variables), else DOCKER_CONTEXT, else the CLI's currentContext, else the CLI's default for this
 * OS (the docker_engine pipe on Windows, /var/run/docker.sock elsewhere).
 */
export async function firstHostFromEnvironment(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<FirstHost> {
  const local: FirstHost = {
    name: 'local',
    endpoint: { kind: 'socket', socketPath: defaultEngineSocket(platform) },
  };
  if (env.DOCKER_HOST) {
    try {
      return { name: 'local', endpoint: await endpointFromEnvironment(env, homeDir, platform) };
    } catch (e) {
      return { ...local, warning: `DOCKER_HOST settings ignored: ${(e as Error).message}` };
    }
  }
  const configDir = dockerConfigDir(env, homeDir);
  const wanted = env.DOCKER_CONTEXT || (await readCurrentContext(configDir).catch(() => undefined));
  if (!wanted || wanted === 'default') return local;
  const ctx = (await readContexts(configDir).catch(() => [])).find((c) => c.name === wanted);
  if (!ctx) return { ...local, warning: `Docker context "${wanted}" was not found in ${configDir}.` };
  const mapped = contextToEndpoint(ctx, { sshAgent: Boolean(env.SSH_AUTH_SOCK) });
  if (!mapped.ok) return { ...local, warning: `Docker context "${wanted}" was not used: ${mapped.reason}` };
  return { name: ctx.name.slice(0, 64), endpoint: mapped.endpoint };
}
