import { IconButton } from '../ui/IconButton';
import { useEffect, useRef, useState } from 'react';
import type { TerminalController } from './terminal-controller';
import { noun } from '../../lib/plural';

/** Find in scrollback: Enter for the next match, Shift+Enter for the previous, Escape closes. */
export function TerminalSearchBar({ terminal, onClose }: { terminal: TerminalController; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ index: number; count: number } | undefined>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    const off = terminal.onSearchResults(setResult);
    return () => {
      off();
      terminal.clearSearch();
    };
  }, [terminal]);

  const close = () => {
    onClose();
    terminal.focus();
  };
  const step = (direction: 'next' | 'previous') => terminal.find(query, direction);

  let status = '';
  if (query && result) {
    status =
      result.count === 0
        ? 'No matches'
        : result.index < 0
          ? `${result.count}+ ${noun(result.count, 'match', 'matches')}`
          : `${result.index + 1} of ${result.count}`;
  }

  return (
    <div className="terminal-search" role="search">
      <input
        ref={input}
        className="input input-small"
        type="search"
        aria-label="Find in terminal"
        placeholder="Find"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          terminal.find(e.target.value, 'next');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? 'previous' : 'next');
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className="terminal-search-status" aria-live="polite">
        {status}
      </span>
      <IconButton label="Previous match" title="Previous (Shift+Enter)" onClick={() => step('previous')}>
        ↑
      </IconButton>
      <IconButton label="Next match" title="Next (Enter)" onClick={() => step('next')}>
        ↓
      </IconButton>
      <IconButton label="Close search" title="Close (Escape)" onClick={close}>
        ×
      </IconButton>
    </div>
  );
}
