import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { LOG_STDERR, LOG_STDOUT } from '@shared/contract';
import { LogLine, streamClass } from '../../components/log-viewer/LogLine';
import { LogSearchBar } from '../../components/log-viewer/LogSearchBar';
import { LogExportButtons } from '../../components/log-viewer/LogExportButtons';
import { StreamChecks } from '../../components/log-viewer/StreamChecks';
import { useLogSearch } from '../../components/log-viewer/useLogSearch';
import { useStreamFilter } from '../../components/log-viewer/useStreamFilter';
import { ToggleButton } from '../../components/ui/ToggleButton';
import { useFlash } from '../../hooks/useFlash';
import type { MergedLogs } from '../../hooks/useMergedLogs';
import { memberHue, memberKey, plainMergedLine, unixToRfc3339 } from '../../lib/merged-log';
import { plural } from '../../lib/plural';

/** Rows drawn at once (the newest that pass the filters); the rest stay in memory for search and save. */
const DRAWN = 2_000;

/**
 * The merged lines in time order, each tagged with host and container in its own colour, with
 * the log viewer's search (highlight, next/previous, only matching), stream filters and export.
 */
export function MergedLogView({ logs, hostName }: { logs: MergedLogs; hostName(id: string): string }) {
  const streams = useStreamFilter();
  const [timestamps, setTimestamps] = useState(true);
  const { compiled, onlyMatches, options: searchOptions } = useLogSearch();
  const [current, setCurrent] = useState<number>();
  const [notice, flash] = useFlash();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  const { version, lines, members } = logs;
  const shown = useMemo(() => {
    const out = lines.filter(
      (l) =>
        (l.stream === LOG_STDOUT ? streams.stdout : l.stream === LOG_STDERR ? streams.stderr : true) &&
        (!onlyMatches || !compiled.search || compiled.search.test(l.text)),
    );
    return out.slice(-DRAWN);
    // `lines` is mutated in place: the version says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, lines, streams.stdout, streams.stderr, onlyMatches, compiled]);
  const matches = useMemo(() => {
    if (!compiled.search) return [];
    const out: number[] = [];
    shown.forEach((l, i) => compiled.search?.test(l.text) && out.push(i));
    return out;
  }, [shown, compiled]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [shown]);
  useEffect(() => setCurrent(undefined), [compiled]);

  const step = (dir: 1 | -1) => {
    if (matches.length === 0) return;
    const at = current === undefined ? (dir === 1 ? -1 : matches.length) : current;
    const next = (at + dir + matches.length) % matches.length;
    setCurrent(next);
    stick.current = false;
    scroller.current?.querySelector(`[data-row="${matches[next]}"]`)?.scrollIntoView({ block: 'center' });
  };
  const nameOf = (hostId: string, containerId: string) =>
    members.get(memberKey(hostId, containerId))?.name ?? containerId.slice(0, 12);
  const plain = () =>
    lines.map((l) => plainMergedLine(l, hostName(l.hostId), nameOf(l.hostId, l.containerId), timestamps));
  const currentRow = current === undefined ? undefined : matches[current];

  return (
    <div className="log-viewer merged-log-viewer">
      <div className="log-bar" role="group" aria-label="Display">
        <ToggleButton on={timestamps} onChange={setTimestamps}>
          Timestamps
        </ToggleButton>
        <StreamChecks {...streams.checks} />
        <span className="header-spacer" />
        <span className="muted merged-count" aria-live="polite">
          {plural(lines.length, 'line')}
          {logs.dropped > 0 ? ` (${logs.dropped.toLocaleString()} older dropped)` : ''}
          {notice ? ` · ${notice}` : ''}
        </span>
        <LogExportButtons lines={plain} name="merged" onNotice={flash} />
      </div>
      <LogSearchBar
        {...searchOptions}
        position={current === undefined ? 0 : current + 1}
        total={matches.length}
        error={compiled.error}
        onNext={() => step(1)}
        onPrevious={() => step(-1)}
      />
      <div
        ref={scroller}
        className="log-scroll merged-scroll"
        role="log"
        aria-label="Merged log lines"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {shown.length === 0 && <p className="merged-empty muted">No lines yet.</p>}
        {shown.map((l, i) => {
          const m = members.get(memberKey(l.hostId, l.containerId));
          const style = { '--member-hue': memberHue(m?.index ?? 0) } as CSSProperties;
          return (
            <div
              key={`${l.hostId}/${l.containerId}/${l.ts}/${i}`}
              data-row={i}
              className={`merged-row ${streamClass(l.stream)}`}
              style={style}
            >
              <span className="merged-tag" title={`${hostName(l.hostId)} / ${m?.name ?? l.containerId}`}>
                {hostName(l.hostId)}/{m?.name ?? l.containerId.slice(0, 12)}
              </span>
              <LogLine
                text={l.text}
                stream={l.stream}
                ts={unixToRfc3339(l.ts)}
                showTs={timestamps}
                showStream={false}
                ranges={compiled.search ? compiled.search.ranges(l.text) : []}
                current={i === currentRow}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
