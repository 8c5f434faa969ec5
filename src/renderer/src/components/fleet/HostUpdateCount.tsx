import { useUpdatesStore } from '../../stores/updates';

/** How many of a host's containers have a newer image, for the sidebar and host cards. */
export function HostUpdateCount({ hostId }: { hostId: string }) {
  const n = useUpdatesStore((s) => {
    const t = s.byHost[hostId]?.totals;
    return t ? t['update-available'] + t['newer-pulled'] : 0;
  });
  if (n === 0) return null;
  const text = `${n} ${n === 1 ? 'update' : 'updates'} available`;
  return (
    <span className="host-update-count" title={text} aria-label={text}>
      ↑{n}
    </span>
  );
}
