import type { ContainerHealth } from '@shared/contract';

const TEXT: Record<ContainerHealth, string> = {
  healthy: 'healthy',
  unhealthy: 'unhealthy',
  starting: 'starting',
};

/** The health check's verdict, coloured; a dash when the container has no health check. */
export function HealthBadge({ health }: { health: ContainerHealth | undefined }) {
  if (!health) {
    return (
      <span className="muted" title="No health check">
        —
      </span>
    );
  }
  return <span className={`ct-health ct-health-${health}`}>{TEXT[health]}</span>;
}
