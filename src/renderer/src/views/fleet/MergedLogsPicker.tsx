import { useId, useState } from 'react';
import type { MergedSelector } from '@shared/contract';
import { plural } from '../../lib/plural';
import { useContainersStore } from '../../stores/containers';
import { useHostsStore } from '../../stores/hosts';
import { Segmented } from '../../components/ui/Segmented';
import { usePick } from '../../hooks/usePick';

type Kind = MergedSelector['kind'];

const KINDS: Array<{ value: Kind; label: string; placeholder: string }> = [
  { value: 'containers', label: 'Selected containers', placeholder: '' },
  { value: 'labels', label: 'Label', placeholder: 'app=shop, tier' },
  { value: 'project', label: 'Compose project', placeholder: 'shop' },
  { value: 'service', label: 'Service', placeholder: 'web' },
];

/**
 * What the merged view follows: the containers selected in the container lists, a label filter,
 * a compose project, or a compose service name, on every host or one.
 */
export function MergedLogsPicker({
  following,
  onFollow,
  onStop,
}: {
  following: boolean;
  onFollow(s: MergedSelector): void;
  onStop(): void;
}) {
  const hosts = useHostsStore((s) => s.hosts);
  const { selected, byHost } = usePick(useContainersStore, 'selected', 'byHost');
  const [kind, setKind] = useState<Kind>('containers');
  const [text, setText] = useState('');
  const [hostId, setHostId] = useState('');
  const textId = useId();
  const hostSel = useId();

  const items = Object.entries(selected).flatMap(([h, ids]) =>
    Object.keys(ids).map((id) => ({ hostId: h, id })),
  );
  const names = items
    .map((i) => byHost[i.hostId]?.items.find((c) => c.id === i.id)?.name)
    .filter((n): n is string => !!n);
  const hostIds = hostId ? { hostIds: [hostId] } : {};
  const value = text.trim();

  const selector = (): MergedSelector | undefined => {
    if (kind === 'containers') return items.length > 0 ? { kind, items: items.slice(0, 100) } : undefined;
    if (!value) return undefined;
    if (kind === 'labels') {
      const labels = value
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      return { kind, labels, ...hostIds };
    }
    if (kind === 'project') return { kind, project: value, ...hostIds };
    return { kind, service: value, ...hostIds };
  };
  const ready = selector();
  const current = KINDS.find((k) => k.value === kind);

  return (
    <form
      className="merged-picker"
      aria-label="Containers to follow"
      onSubmit={(e) => {
        e.preventDefault();
        const s = selector();
        if (s) onFollow(s);
      }}
    >
      <Segmented<Kind> label="Follow" options={KINDS} value={kind} onChange={setKind} />
      {kind === 'containers' ? (
        <span className="merged-picked muted" title={names.join(', ')}>
          {items.length === 0
            ? 'Select containers in All containers or a host’s list first.'
            : `${plural(items.length, 'selected container')}: ${names.slice(0, 4).join(', ')}${names.length > 4 ? '…' : ''}`}
        </span>
      ) : (
        <>
          <label htmlFor={textId} className="visually-hidden">
            {current?.label}
          </label>
          <input
            id={textId}
            className="input merged-text"
            placeholder={current?.placeholder}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <label htmlFor={hostSel} className="visually-hidden">
            Hosts
          </label>
          <select id={hostSel} className="input" value={hostId} onChange={(e) => setHostId(e.target.value)}>
            <option value="">All hosts</option>
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" className="button button-primary" disabled={!ready}>
        Follow
      </button>
      {following && (
        <button type="button" className="button" onClick={onStop}>
          Stop
        </button>
      )}
    </form>
  );
}
