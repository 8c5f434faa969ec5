import type { ContainerState } from '@shared/contract';

/** The container state as a coloured pill; its text is the state itself ("running"). */
export function StatePill({ state }: { state: ContainerState }) {
  return <span className={`pill pill-${state}`}>{state}</span>;
}
