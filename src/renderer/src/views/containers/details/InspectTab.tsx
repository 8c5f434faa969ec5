import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { copyText } from '../../../lib/clipboard';
import { useDetailsStore } from '../../../stores/details';
import { useUiStore } from '../../../stores/ui';
import type { DetailTabProps } from './DetailTabList';

/** Splits `text` around case-insensitive matches of `query`, marking each one. */
function highlight(text: string, query: string, current: number): { nodes: ReactNode[]; count: number } {
  if (!query) return { nodes: [text], count: 0 };
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const nodes: ReactNode[] = [];
  let from = 0;
  let count = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) nodes.push(text.slice(from, at));
    nodes.push(
      <mark key={at} data-match={count} className={count === current ? 'is-current' : undefined}>
        {text.slice(at, at + q.length)}
      </mark>,
    );
    count++;
    from = at + q.length;
  }
  if (from < text.length) nodes.push(text.slice(from));
  return { nodes, count };
}

/** The engine's inspect document as JSON: searchable (next/previous match) and copyable. */
export function InspectTab(_props: DetailTabProps) {
  const view = useDetailsStore((s) => s.view);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const searchId = useId();
  const pre = useRef<HTMLPreElement>(null);
  const json = useMemo(() => (view ? JSON.stringify(view.raw, null, 2) : ''), [view]);
  const { nodes, count } = useMemo(() => highlight(json, query.trim(), current), [json, query, current]);

  useEffect(() => setCurrent(0), [query]);
  useEffect(() => {
    pre.current?.querySelector('mark.is-current')?.scrollIntoView({ block: 'center' });
  }, [current, query]);

  if (!view) {
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Loading…
      </p>
    );
  }
  const step = (d: number) => count && setCurrent((c) => (c + d + count) % count);

  return (
    <div className="inspect-tab">
      <div className="inspect-tools">
        <label htmlFor={searchId} className="visually-hidden">
          Search inspect
        </label>
        <input
          id={searchId}
          type="search"
          className="input search-input inspect-search"
          placeholder="Search the JSON"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="toolbar-count" aria-live="polite">
          {query.trim() ? (count ? `${current + 1} of ${count}` : 'No matches') : ''}
        </span>
        <button type="button" className="button button-small" disabled={!count} onClick={() => step(-1)}>
          Previous
        </button>
        <button type="button" className="button button-small" disabled={!count} onClick={() => step(1)}>
          Next
        </button>
        <span className="header-spacer" />
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            copyText(json).then(
              () => useUiStore.getState().toast('Inspect JSON copied'),
              (e: Error) => useUiStore.getState().toast(e.message, 'error'),
            )
          }
        >
          Copy JSON
        </button>
      </div>
      <pre ref={pre} className="ct-inspect-json" tabIndex={0} aria-label="Inspect JSON">
        {nodes}
      </pre>
    </div>
  );
}
