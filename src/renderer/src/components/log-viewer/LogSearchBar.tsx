import { forwardRef, type ReactNode } from 'react';

export interface LogSearchBarProps {
  query: string;
  onQuery(q: string): void;
  caseSensitive: boolean;
  onCaseSensitive(v: boolean): void;
  regex: boolean;
  onRegex(v: boolean): void;
  onlyMatches: boolean;
  onOnlyMatches(v: boolean): void;
  /** 1-based position of the current match, 0 when none is selected. */
  position: number;
  total: number;
  error: string | undefined;
  onNext(): void;
  onPrevious(): void;
}

function Toggle({
  on,
  onChange,
  label,
  title,
  children,
}: {
  on: boolean;
  onChange(v: boolean): void;
  label: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`toggle-button${on ? ' is-on' : ''}`}
      aria-pressed={on}
      aria-label={label}
      title={title}
      onClick={() => onChange(!on)}
    >
      {children}
    </button>
  );
}

/** Search with highlighting, next/previous, and a filter to the matching lines. */
export const LogSearchBar = forwardRef<HTMLInputElement, LogSearchBarProps>(function LogSearchBar(p, ref) {
  const counter = !p.query
    ? ''
    : p.error
      ? 'Invalid pattern'
      : p.total === 0
        ? 'No matches'
        : `${p.position || '–'} of ${p.total.toLocaleString()}`;
  return (
    <div className="log-bar log-search" role="search" aria-label="Search logs">
      <div className="search log-search-box">
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" className="search-icon">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          ref={ref}
          type="search"
          className="input search-input"
          aria-label="Search logs"
          aria-invalid={p.error ? true : undefined}
          placeholder="Search (Enter: next, Shift+Enter: previous)"
          value={p.query}
          onChange={(e) => p.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (e.shiftKey) p.onPrevious();
              else p.onNext();
            } else if (e.key === 'Escape' && p.query) {
              e.preventDefault();
              p.onQuery('');
            }
          }}
        />
      </div>
      <Toggle on={p.caseSensitive} onChange={p.onCaseSensitive} label="Match case" title="Match case">
        Aa
      </Toggle>
      <Toggle on={p.regex} onChange={p.onRegex} label="Regular expression" title="Regular expression">
        .*
      </Toggle>
      <Toggle
        on={p.onlyMatches}
        onChange={p.onOnlyMatches}
        label="Only matching lines"
        title="Show only the lines that match"
      >
        Only matching
      </Toggle>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={p.total === 0}
        onClick={p.onPrevious}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 10l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={p.total === 0}
        onClick={p.onNext}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      <span className={`log-match-count${p.error ? ' is-error' : ''}`} role="status" title={p.error}>
        {counter}
      </span>
    </div>
  );
});
