import type { ComposeStackSummary, StackOrigin, StackServiceSummary } from '@shared/contract';

export const ORIGIN_TEXT: Record<StackOrigin, string> = {
  berthmaster: 'App',
  'compose-v2': 'Compose v2',
  'compose-v1': 'Compose v1',
  swarm: 'Swarm',
};

/** "3/4" running of desired; desired unknown for found projects: running of existing containers. */
export function serviceCount(s: StackServiceSummary): string {
  return `${s.running}/${s.desired ?? s.containers.filter((c) => !c.oneoff).length}`;
}

export function stackCount(st: ComposeStackSummary): string {
  let running = 0;
  let desired = 0;
  for (const s of st.services) {
    running += s.running;
    desired += s.desired ?? s.containers.filter((c) => !c.oneoff).length;
  }
  return `${running}/${desired}`;
}
