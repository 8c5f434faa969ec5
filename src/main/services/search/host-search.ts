import type Docker from 'dockerode';
import type { SearchHit, SearchKind } from '@shared/contract';
import { bestRank, rankText } from './match';

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/**
 * Lists one engine's containers, images, networks and volumes (only the kinds asked for) and keeps
 * those matching the query. Plain list calls: no sizes, no inspects, so it stays cheap on big hosts.
 */
export async function searchHost(
  docker: Docker,
  hostId: string,
  query: string,
  kinds: ReadonlySet<SearchKind>,
  signal: AbortSignal,
): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  const add = (kind: SearchKind, id: string, name: string, detail: string, rank: number | undefined) => {
    if (rank !== undefined) hits.push({ hostId, kind, id, name, detail, rank });
  };
  const jobs: Array<Promise<void>> = [];

  if (kinds.has('container')) {
    jobs.push(
      docker
        .listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions)
        .then((list) => {
          for (const c of list) {
            const names = (c.Names ?? []).map((n) => n.replace(/^\//, ''));
            const name = names[0] ?? short(c.Id);
            const rank = bestRank(query, name, [c.Image, ...names.slice(1)], c.Id);
            add('container', c.Id, name, `${c.Image} · ${c.State}`, rank);
          }
        }),
    );
  }
  if (kinds.has('image')) {
    jobs.push(
      docker.listImages({ abortSignal: signal } as Docker.ListImagesOptions).then((list) => {
        for (const img of list) {
          const tags = (img.RepoTags ?? []).filter((t) => !t.includes('<none>'));
          // Named by the tag that matched best, so "redis" shows "redis:7" rather than "cache:prod".
          const ranked = tags
            .map((t) => ({ t, r: rankText(t, query) }))
            .sort((a, b) => (a.r ?? 99) - (b.r ?? 99));
          const name = ranked[0]?.t ?? `<none> ${short(img.Id)}`;
          const others = tags.filter((t) => t !== name);
          const rank = bestRank(query, name, others, img.Id);
          const detail = others.length ? `also ${others.slice(0, 3).join(', ')}` : short(img.Id);
          add('image', img.Id, name, detail, rank);
        }
      }),
    );
  }
  if (kinds.has('network')) {
    jobs.push(
      docker.listNetworks({ abortSignal: signal } as Docker.NetworkListOptions).then((list) => {
        for (const n of list) {
          add('network', n.Id, n.Name, `${n.Driver} · ${n.Scope}`, bestRank(query, n.Name, [], n.Id));
        }
      }),
    );
  }
  if (kinds.has('volume')) {
    jobs.push(
      docker.listVolumes({ abortSignal: signal } as Parameters<Docker['listVolumes']>[0]).then((res) => {
        for (const v of res?.Volumes ?? []) {
          // Anonymous volumes are named by a 64-hex id: the name doubles as the id.
          add('volume', v.Name, v.Name, `${v.Driver} volume`, bestRank(query, v.Name, [], v.Name));
        }
      }),
    );
  }
  await Promise.all(jobs);
  return hits;
}
