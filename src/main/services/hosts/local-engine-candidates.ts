import path from 'node:path';

/** Where the docker CLI looks when neither DOCKER_HOST nor a context says otherwise. */
export function defaultEngineSocket(platform: NodeJS.Platform): string {
  // docker/cli opts/hosts_windows.go: DefaultNamedPipe = "//./pipe/docker_engine"; elsewhere
  // DefaultUnixSocket = "/var/run/docker.sock". dockerode's socketPath takes the pipe as is.
  return platform === 'win32' ? '//./pipe/docker_engine' : '/var/run/docker.sock';
}

/** A place a local engine may listen, and who puts it there. */
export interface EngineCandidate {
  socketPath: string;
  /** The product, as the user knows it: "Docker Desktop", "Colima (dev)". */
  source: string;
  /** A host name to suggest: short, lower-case. */
  name: string;
}

export interface CandidateInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  /** Folder names under ~/.colima (profiles) and ~/.lima (instances), read by the caller. */
  colimaProfiles?: string[];
  limaInstances?: string[];
}

/** Where Colima and Lima keep their instances (COLIMA_HOME and LIMA_HOME move them). */
export function instanceRoots(env: Record<string, string | undefined>, home: string) {
  return {
    colima: env.COLIMA_HOME || path.join(home, '.colima'),
    lima: env.LIMA_HOME || path.join(home, '.lima'),
  };
}

/**
 * Every socket or pipe where a local engine (or a Docker-compatible one) may listen on this OS,
 * the CLI's default first. Pure: the caller pings them. Paths as the tools document them:
 * - Docker Desktop: ~/.docker/run/docker.sock on macOS (docker/for-mac#6529, the desktop context),
 *   ~/.docker/desktop/docker.sock on Linux (the desktop-linux context, docker/docs#23308), pipe
 *   dockerDesktopLinuxEngine on Windows (its desktop-linux context; docker_engine is the default).
 * - Colima: ~/.colima/<profile>/docker.sock since v0.4, ~/.colima/docker.sock before
 *   (abiosoft/colima docs/FAQ.md, "Docker socket location").
 * - OrbStack: ~/.orbstack/run/docker.sock (its orbstack context).
 * - Rancher Desktop: ~/.rd/docker.sock on macOS and Linux (its rancher-desktop context); on
 *   Windows it serves the default docker_engine pipe.
 * - Podman: rootless $XDG_RUNTIME_DIR/podman/podman.sock and rootful /run/podman/podman.sock on
 *   Linux (podman.socket units); podman machine on macOS forwards
 *   ~/.local/share/containers/podman/machine/podman.sock (Podman 5) and
 *   $TMPDIR/podman/podman-machine-default-api.sock; on Windows the pipe podman-machine-default.
 * - Lima: ~/.lima/<instance>/sock/docker.sock (templates/docker.yaml: DOCKER_HOST from
 *   `limactl list docker --format 'unix://{{.Dir}}/sock/docker.sock'`).
 * - Rootless Docker: $XDG_RUNTIME_DIR/docker.sock (dockerd-rootless-setuptool.sh).
 */
export function localEngineCandidates(input: CandidateInput): EngineCandidate[] {
  const { platform, env, home } = input;
  const join = (...p: string[]) => path.join(...p);
  const out: EngineCandidate[] = [
    { socketPath: defaultEngineSocket(platform), source: 'Docker', name: 'local' },
  ];

  if (platform === 'win32') {
    out.push(
      { socketPath: '//./pipe/dockerDesktopLinuxEngine', source: 'Docker Desktop', name: 'docker-desktop' },
      { socketPath: '//./pipe/podman-machine-default', source: 'Podman', name: 'podman' },
    );
    return out;
  }

  const roots = instanceRoots(env, home);
  if (platform === 'darwin') {
    out.push({
      socketPath: join(home, '.docker/run/docker.sock'),
      source: 'Docker Desktop',
      name: 'docker-desktop',
    });
  } else {
    out.push({
      socketPath: join(home, '.docker/desktop/docker.sock'),
      source: 'Docker Desktop',
      name: 'docker-desktop',
    });
  }
  for (const profile of input.colimaProfiles ?? []) {
    // "_lima", "_templates", "_config" hold Colima's own files, not profiles.
    if (profile.startsWith('_')) continue;
    out.push({
      socketPath: join(roots.colima, profile, 'docker.sock'),
      source: profile === 'default' ? 'Colima' : `Colima (${profile})`,
      name: profile === 'default' ? 'colima' : `colima-${profile}`,
    });
  }
  out.push({ socketPath: join(roots.colima, 'docker.sock'), source: 'Colima', name: 'colima' });
  if (platform === 'darwin') {
    out.push({ socketPath: join(home, '.orbstack/run/docker.sock'), source: 'OrbStack', name: 'orbstack' });
  }
  out.push({ socketPath: join(home, '.rd/docker.sock'), source: 'Rancher Desktop', name: 'rancher-desktop' });

  const runtime = env.XDG_RUNTIME_DIR;
  if (platform === 'darwin') {
    out.push({
      socketPath: join(home, '.local/share/containers/podman/machine/podman.sock'),
      source: 'Podman',
      name: 'podman',
    });
    if (env.TMPDIR) {
      out.push({
        socketPath: join(env.TMPDIR, 'podman/podman-machine-default-api.sock'),
        source: 'Podman',
        name: 'podman',
      });
    }
  } else {
    if (runtime)
      out.push({ socketPath: join(runtime, 'podman/podman.sock'), source: 'Podman', name: 'podman' });
    out.push({ socketPath: '/run/podman/podman.sock', source: 'Podman (rootful)', name: 'podman-root' });
  }
  for (const instance of input.limaInstances ?? []) {
    if (instance.startsWith('_')) continue;
    out.push({
      socketPath: join(roots.lima, instance, 'sock/docker.sock'),
      source: `Lima (${instance})`,
      name: `lima-${instance}`,
    });
  }
  if (platform !== 'darwin' && runtime) {
    out.push({ socketPath: join(runtime, 'docker.sock'), source: 'Docker (rootless)', name: 'rootless' });
  }

  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.socketPath) && seen.add(c.socketPath));
}
