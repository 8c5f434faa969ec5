import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { DisconnectedBanner } from '../DisconnectedBanner';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useLogPrefs } from '../../stores/logs';
import { copyText, logFileName, saveLines } from './export-log';
import { localInputToUnix } from './log-time';
import { LogRows, type LogRowsHandle } from './LogRows';
import { LogSearchBar } from './LogSearchBar';
import { LogSourceBar } from './LogSourceBar';
import { LogStatusBar } from './LogStatusBar';
import { compileSearch } from './search';
import { useLogStream } from './useLogStream';
import { plural } from '../../lib/plural';

export interface LogViewerProps {
  hostId: string;
  containerId: string;
  /** For the saved file's name and messages. */
  containerName: string;
}

/**
 * A container's logs: follow, tail, time window, timestamps, wrap, stdout/stderr apart, ANSI
 * colours, search (highlight, next/previous, only matching), copy and save. Bounded memory:
 * the newest 200,000 lines are kept and the rest counted.
 */
export function LogViewer({ hostId, containerId, containerName }: LogViewerProps) {
  const prefs = useLogPrefs();
  const [follow, setFollow] = useState(true);
  const [sinceInput, setSinceInput] = useState('');
  const [untilInput, setUntilInput] = useState('');
  const query = useMemo(
    () => ({ tail: prefs.tail, since: localInputToUnix(sinceInput), until: localInputToUnix(untilInput) }),
    [prefs.tail, sinceInput, untilInput],
  );
  const { model, version, state, tty, resume } = useLogStream(hostId, containerId, query, follow);

  const [showStdout, setShowStdout] = useState(true);
  const [showStderr, setShowStderr] = useState(true);
  const [searchText, setSearchText] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [regex, setRegex] = useState(false);
  const [onlyMatches, setOnlyMatches] = useState(false);
  // Typing stays responsive: the rescan of up to 200,000 lines follows the deferred value.
  const deferredSearch = useDeferredValue(searchText);
  const compiled = useMemo(
    () => compileSearch(deferredSearch, { regex, caseSensitive }),
    [deferredSearch, regex, caseSensitive],
  );
  const [filterVersion, setFilterVersion] = useState(0);
  useEffect(() => {
    model.setFilters({ showStdout, showStderr, search: compiled.search, onlyMatches });
    setFilterVersion((n) => n + 1);
  }, [model, showStdout, showStderr, compiled, onlyMatches]);

  const [stick, setStick] = useState(true);
  const [currentSeq, setCurrentSeq] = useState<number | undefined>(undefined);
  const rowsRef = useRef<LogRowsHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  useEffect(() => setCurrentSeq(undefined), [compiled]);

  const matches = model.matches;
  const position = currentSeq === undefined ? 0 : matches.indexOf(currentSeq) + 1;

  const step = useCallback(
    (dir: 1 | -1) => {
      if (matches.length === 0) return;
      const from = currentSeq ?? rowsRef.current?.firstVisibleSeq();
      let i: number;
      if (from === undefined) i = dir === 1 ? 0 : matches.length - 1;
      else if (dir === 1) i = matches.lowerBound(currentSeq === undefined ? from : from + 1);
      else i = matches.lowerBound(from) - 1;
      if (i >= matches.length) i = 0;
      if (i < 0) i = matches.length - 1;
      const seq = matches.at(i);
      if (seq === undefined) return;
      setCurrentSeq(seq);
      rowsRef.current?.reveal(seq);
    },
    [matches, currentSeq],
  );

  const flash = (text: string) => {
    setNotice(text);
    window.setTimeout(() => setNotice((n) => (n === text ? undefined : n)), 3000);
  };
  const onCopy = async () => {
    const lines = [...model.plainRows(prefs.timestamps)];
    try {
      await copyText(lines.join('\n'));
      flash(`Copied ${plural(lines.length, 'line')}.`);
    } catch (e) {
      flash(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const onSave = () => {
    const n = saveLines(logFileName(containerName), model.plainRows(prefs.timestamps));
    flash(`Saved ${plural(n, 'line')}.`);
  };

  return (
    <div
      className="log-viewer"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
          e.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
        }
      }}
    >
      <div className="log-toolbar">
        <LogSourceBar
          follow={follow}
          onFollow={(v) => {
            setFollow(v);
            if (v) setStick(true);
          }}
          tail={prefs.tail}
          onTail={(tail) => prefs.set({ tail })}
          since={sinceInput}
          onSince={setSinceInput}
          until={untilInput}
          onUntil={setUntilInput}
        />
        <div className="log-bar" role="group" aria-label="Display">
          <button
            type="button"
            className={`toggle-button${prefs.timestamps ? ' is-on' : ''}`}
            aria-pressed={prefs.timestamps}
            onClick={() => prefs.set({ timestamps: !prefs.timestamps })}
          >
            Timestamps
          </button>
          <button
            type="button"
            className={`toggle-button${prefs.wrap ? ' is-on' : ''}`}
            aria-pressed={prefs.wrap}
            onClick={() => prefs.set({ wrap: !prefs.wrap })}
          >
            Wrap
          </button>
          {!tty && (
            <>
              <label className="log-check log-check-stdout">
                <input
                  type="checkbox"
                  checked={showStdout}
                  onChange={(e) => setShowStdout(e.target.checked)}
                />
                stdout
              </label>
              <label className="log-check log-check-stderr">
                <input
                  type="checkbox"
                  checked={showStderr}
                  onChange={(e) => setShowStderr(e.target.checked)}
                />
                stderr
              </label>
            </>
          )}
          <span className="header-spacer" />
          <button type="button" className="button button-small" onClick={() => void onCopy()}>
            Copy
          </button>
          <button type="button" className="button button-small" onClick={onSave}>
            Save…
          </button>
        </div>
      </div>
      <LogSearchBar
        ref={searchRef}
        query={searchText}
        onQuery={setSearchText}
        caseSensitive={caseSensitive}
        onCaseSensitive={setCaseSensitive}
        regex={regex}
        onRegex={setRegex}
        onlyMatches={onlyMatches}
        onOnlyMatches={setOnlyMatches}
        position={position}
        total={compiled.search ? matches.length : 0}
        error={compiled.error}
        onNext={() => step(1)}
        onPrevious={() => step(-1)}
      />
      {state.kind === 'disconnected' && <DisconnectedBanner hostId={hostId} error={state.error} />}
      {state.kind === 'error' && (
        <ErrorBanner
          error={state.error}
          title={`Couldn't read the logs of ${containerName}`}
          actions={
            <button type="button" className="button button-small" onClick={resume}>
              Retry
            </button>
          }
        />
      )}
      <LogRows
        ref={rowsRef}
        model={model}
        version={version + filterVersion}
        wrap={prefs.wrap}
        showTs={prefs.timestamps}
        showStream={!tty}
        search={compiled.search}
        currentSeq={currentSeq}
        stick={stick}
        onStickChange={setStick}
      />
      <LogStatusBar
        model={model}
        state={state}
        follow={follow}
        tty={tty}
        stick={stick}
        notice={notice}
        onJump={() => rowsRef.current?.toBottom()}
        onResume={resume}
      />
    </div>
  );
}
