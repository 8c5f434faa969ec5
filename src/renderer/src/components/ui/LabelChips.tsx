/** Labels as compact key=value chips; the full list is in the title. */
export function LabelChips({ labels, max = 2 }: { labels: Record<string, string>; max?: number }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="muted">—</span>;
  const all = entries.map(([k, v]) => (v ? `${k}=${v}` : k));
  return (
    <span className="chips" title={all.join('\n')}>
      {all.slice(0, max).map((t) => (
        <span key={t} className="chip mono">
          {t}
        </span>
      ))}
      {all.length > max && <span className="chip chip-more">+{all.length - max}</span>}
    </span>
  );
}

/** A small word badge: "built-in", "internal", "IPv6"... */
export function Flag({
  children,
  tone = 'grey',
  title,
}: {
  children: string;
  tone?: 'grey' | 'blue' | 'amber';
  title?: string;
}) {
  return (
    <span className={`flag flag-${tone}`} title={title}>
      {children}
    </span>
  );
}
