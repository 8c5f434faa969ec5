import { useDeferredValue, useMemo, useState } from 'react';
import { compileSearch } from './search';

/** What the search bar edits: the text and its three switches. */
export interface LogSearchOptions {
  query: string;
  onQuery(q: string): void;
  caseSensitive: boolean;
  onCaseSensitive(v: boolean): void;
  regex: boolean;
  onRegex(v: boolean): void;
  onlyMatches: boolean;
  onOnlyMatches(v: boolean): void;
}

/**
 * A log view's search state: the bar's options (spread onto LogSearchBar) and the compiled
 * search. Typing stays responsive: the rescan of many lines follows the deferred text.
 */
export function useLogSearch() {
  const [query, onQuery] = useState('');
  const [caseSensitive, onCaseSensitive] = useState(false);
  const [regex, onRegex] = useState(false);
  const [onlyMatches, onOnlyMatches] = useState(false);
  const deferred = useDeferredValue(query);
  const compiled = useMemo(
    () => compileSearch(deferred, { regex, caseSensitive }),
    [deferred, regex, caseSensitive],
  );
  const options: LogSearchOptions = {
    query,
    onQuery,
    caseSensitive,
    onCaseSensitive,
    regex,
    onRegex,
    onlyMatches,
    onOnlyMatches,
  };
  return { compiled, onlyMatches, options };
}
