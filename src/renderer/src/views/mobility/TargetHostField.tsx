import type { HostView } from '@shared/contract';
import { useHostsStore } from '../../stores/hosts';

/** The other hosts, connected first: where a copy, move or clone may go. */
export function useTargetHosts(sourceHostId: string): HostView[] {
  const hosts = useHostsStore((s) => s.hosts);
  const statuses = useHostsStore((s) => s.statuses);
  const others = hosts.filter((h) => h.id !== sourceHostId);
  const up = (h: HostView) => (statuses[h.id]?.state === 'connected' ? 0 : 1);
  return [...others].sort((a, b) => up(a) - up(b));
}

/** A select of the target host (by name, with its state when it is not connected). */
export function TargetHostField({
  id,
  hosts,
  value,
  onChange,
}: {
  id: string;
  hosts: HostView[];
  value: string;
  onChange(hostId: string): void;
}) {
  const statuses = useHostsStore((s) => s.statuses);
  if (hosts.length === 0) return <p className="muted">Add another host first: there is nowhere to go.</p>;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Target host
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {hosts.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
            {statuses[h.id]?.state === 'connected' ? '' : ` (${statuses[h.id]?.state ?? 'connecting'})`}
          </option>
        ))}
      </select>
    </div>
  );
}
