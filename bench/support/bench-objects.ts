import { docker, loadLab, type Lab } from '../../test/integration/support/lab';
import { LEGACY_LABEL_PREFIX } from '../../src/main/legacy/old-names';
import { engineRequest, inBatches } from './engine';

/** Every object the bench creates carries this label, so leftovers of an interrupted run are found. */
export const BENCH_LABEL_KEY = 'berthmaster.bench';
export const BENCH_LABELS = { [BENCH_LABEL_KEY]: '1', 'berthmaster.test': '1' };
/** Runs from before the rename labelled their objects with the old prefix: they are cleaned up too. */
const filters = [BENCH_LABEL_KEY, `${LEGACY_LABEL_PREFIX}bench`].map((key) =>
  encodeURIComponent(JSON.stringify({ label: [`${key}=1`] })),
);

export const lab: Lab = loadLab();
export const ENGINES = () => [lab.engineA.socketPath, lab.engineB.socketPath];

/** A name unique to this run, so two runs (or other helpers) never collide. */
export function benchName(prefix: string): string {
  return `bench-${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Removes every container and image labelled by the bench on both engines (and nothing else). */
export async function cleanupBench(): Promise<void> {
  for (const sock of ENGINES()) for (const filter of filters) await cleanupLabelled(sock, filter);
}

async function cleanupLabelled(sock: string, filter: string): Promise<void> {
  const res = await engineRequest(sock, 'GET', `/containers/json?all=1&filters=${filter}`);
  const ids = (JSON.parse(res.body.toString('utf8')) as Array<{ Id: string }>).map((c) => c.Id);
  await inBatches(ids, 8, async (id) => {
    await engineRequest(sock, 'DELETE', `/containers/${id}?force=1&v=1`);
  });
  const images = await engineRequest(sock, 'GET', `/images/json?filters=${filter}`);
  for (const img of JSON.parse(images.body.toString('utf8')) as Array<{
    Id: string;
    RepoTags: string[] | null;
  }>) {
    for (const tag of img.RepoTags ?? [])
      await engineRequest(sock, 'DELETE', `/images/${encodeURIComponent(tag)}?force=1`);
    await engineRequest(sock, 'DELETE', `/images/${img.Id}?force=1`);
  }
}

/** Creates `count` containers (not started) with the Engine API, `width` at a time; returns their names. */
export async function createContainers(
  sock: string,
  prefix: string,
  count: number,
  cmd: string[] = ['sleep', '3600'],
  width = 8,
): Promise<string[]> {
  const base = benchName(prefix);
  const names = Array.from({ length: count }, (_, i) => `${base}-${String(i).padStart(5, '0')}`);
  await inBatches(names, width, async (name) => {
    const res = await engineRequest(sock, 'POST', `/containers/create?name=${name}`, {
      Image: lab.image,
      Cmd: cmd,
      Labels: BENCH_LABELS,
      StopTimeout: 1,
      HostConfig: { AutoRemove: false },
    });
    if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${res.body.toString('utf8')}`);
  });
  return names;
}

/**
 * `docker <verb>` (run -d, create) of a container of the lab's image on engine A, named and
 * labelled as the bench's own (so an interrupted run's leftovers are found).
 */
export function dockerLabelled(verb: 'run' | 'create', name: string, ...cmd: string[]): Promise<string> {
  const detach = verb === 'run' ? ['-d'] : [];
  const labels = Object.entries(BENCH_LABELS).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  return docker(lab.engineA.socketPath, verb, ...detach, ...labels, '--name', name, lab.image, ...cmd);
}

/** Starts containers by name, 8 at a time. */
export async function startContainers(sock: string, names: string[]): Promise<void> {
  await inBatches(names, 8, async (name) => {
    const res = await engineRequest(sock, 'POST', `/containers/${name}/start`);
    if (res.status !== 204 && res.status !== 304) throw new Error(`start ${name}: ${res.status}`);
  });
}

/** Force-removes containers by name, `width` at a time. */
export async function removeContainers(sock: string, names: string[], width = 8): Promise<void> {
  await inBatches(names, width, async (name) => {
    await engineRequest(sock, 'DELETE', `/containers/${name}?force=1&v=1`);
  });
}

export { docker };
