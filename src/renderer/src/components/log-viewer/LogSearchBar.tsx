import { IconButton } from '../ui/IconButton';
import { forwardRef } from 'react';
import { ChevronIcon, SearchIcon } from '../ui/Icons';
import { ToggleButton } from '../ui/ToggleButton';
import type { LogSearchOptions } from './useLogSearch';

export interface LogSearchBarProps extends LogSearchOptions {
  /** 1-based position of the current match, 0 when none is selected. */
  position: number;
  total: number;
  error: string | undefined;
  onNext(): void;
  onPrevious(): void;
}

/** Previous or next match: an arrow pointing up or down. */
function StepButton({ up, disabled, onClick }: { up: boolean; disabled: boolean; onClick(): void }) {
  return (
    <IconButton
      label={up ? 'Previous match' : 'Next match'}
      title={up ? 'Previous match (Shift+Enter)' : 'Next match (Enter)'}
      disabled={disabled}
      onClick={onClick}
    >
      <ChevronIcon direction={up ? 'up' : 'down'} />
    </IconButton>
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
        <SearchIcon />
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
      <ToggleButton on={p.caseSensitive} onChange={p.onCaseSensitive} label="Match case" title="Match case">
        Aa
      </ToggleButton>
      <ToggleButton on={p.regex} onChange={p.onRegex} label="Regular expression" title="Regular expression">
        .*
      </ToggleButton>
      <ToggleButton
        on={p.onlyMatches}
        onChange={p.onOnlyMatches}
        label="Only matching lines"
        title="Show only the lines that match"
      >
        Only matching
      </ToggleButton>
      <StepButton up disabled={p.total === 0} onClick={p.onPrevious} />
      <StepButton up={false} disabled={p.total === 0} onClick={p.onNext} />
      <span className={`log-match-count${p.error ? ' is-error' : ''}`} role="status" title={p.error}>
        {counter}
      </span>
    </div>
  );
});
