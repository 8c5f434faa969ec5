import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DisconnectedBanner } from '../DisconnectedBanner';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useLogPrefs } from '../../stores/logs';
import { useFlash } from '../../hooks/useFlash';
import { ToggleButton } from '../ui/ToggleButton';
import { LogExportButtons } from './LogExportButtons';
import { localInputToUnix } from './log-time';
import { LogRows, type LogRowsHandle } from './LogRows';
import { LogSearchBar } from './LogSearchBar';
import { LogSourceBar } from './LogSourceBar';
import { LogStatusBar } from './LogStatusBar';
import { StreamChecks } from './StreamChecks';
import { useLogSearch } from './useLogSearch';
import { useStreamFilter } from './useStreamFilter';
import { useLogStream } from './useLogStream';

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

  const streams = useStreamFilter();
  const { compiled, onlyMatches, options: searchOptions } = useLogSearch();
  const [filterVersion, setFilterVersion] = useState(0);
  useEffect(() => {
    model.setFilters({
      showStdout: streams.stdout,
      showStderr: streams.stderr,
      search: compiled.search,
      onlyMatches,
    });
    setFilterVersion((n) => n + 1);
  }, [model, streams.stdout, streams.stderr, compiled, onlyMatches]);

  const [stick, setStick] = useState(true);
  const [currentSeq, setCurrentSeq] = useState<number | undefined>(undefined);
  const rowsRef = useRef<LogRowsHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [notice, flash] = useFlash();
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
          <ToggleButton on={prefs.timestamps} onChange={(timestamps) => prefs.set({ timestamps })}>
            Timestamps
          </ToggleButton>
          <ToggleButton on={prefs.wrap} onChange={(wrap) => prefs.set({ wrap })}>
            Wrap
          </ToggleButton>
          {!tty && <StreamChecks {...streams.checks} />}
          <span className="header-spacer" />
          <LogExportButtons
            lines={() => model.plainRows(prefs.timestamps)}
            name={containerName}
            onNotice={flash}
          />
        </div>
      </div>
      <LogSearchBar
        ref={searchRef}
        {...searchOptions}
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
