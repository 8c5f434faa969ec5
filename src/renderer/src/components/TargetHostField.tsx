import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { useHostsStore } from '../stores/hosts';

/** A select of the target host (by name, with its state when it is not connected). */
export function TargetHostField({
  id,
  hosts,
  value,
  onChange,
  nowhere = 'there is nowhere to go',
  hint,
}: {
  id: string;
  hosts: HostView[];
  value: string;
  onChange(hostId: string): void;
  /** Why an empty list is a dead end ("there is nowhere to copy to"). */
  nowhere?: string;
  hint?: ReactNode;
}) {
  const statuses = useHostsStore((s) => s.statuses);
  if (hosts.length === 0) return <p className="muted">Add another host first: {nowhere}.</p>;
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
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}
