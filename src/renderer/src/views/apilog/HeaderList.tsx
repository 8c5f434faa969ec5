/** Headers as a two-column list (names as sent; redacted values shown as the log holds them). */
export function HeaderList({ headers, label }: { headers: Record<string, string>; label: string }) {
  const rows = Object.entries(headers);
  if (rows.length === 0) return <p className="muted">No headers.</p>;
  return (
    <dl className="api-headers" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k} className="api-header-row">
          <dt className="mono">{k}</dt>
          <dd className="mono-soft">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
