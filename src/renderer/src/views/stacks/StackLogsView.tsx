import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HostView } from '@shared/contract';
import { ErrorBannerRow } from '../../components/ui/ErrorBannerRow';
import { SearchBox } from '../../components/ui/SearchBox';
import { ToggleButton } from '../../components/ui/ToggleButton';
import { logFileName, saveLines } from '../../components/log-viewer/export-log';
import { compileSearch } from '../../components/log-viewer/search';
import { useStackLogs } from '../../hooks/useStackLogs';
import { plural } from '../../lib/plural';
import { serviceColor } from './service-color';

/** One line's height in px (12px text at 1.5). */
const ROW_PX = 18;

/** All services of a stack in one log: each line tagged and coloured by its service. */
export function StackLogsView({
  host,
  project,
  onBack,
}: {
  host: HostView;
  project: string;
  onBack(): void;
}) {
  const [follow, setFollow] = useState(true);
  const [search, setSearch] = useState('');
  const [timestamps, setTimestamps] = useState(false);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const logs = useStackLogs(host.id, project, follow, 500);
  const [regex, setRegex] = useState(false);
  const deferred = useDeferredValue(search);
  const compiled = useMemo(() => compileSearch(deferred, { regex, caseSensitive: false }), [deferred, regex]);
  const services = useMemo(
    () => [...new Set(Object.values(logs.sources).map((s) => s.service))].sort(),
    [logs.sources],
  );
  const shown = useMemo(
    () =>
      logs.lines.filter((l) => !hidden.has(l.service) && (!compiled.search || compiled.search.test(l.text))),
    // logs.version changes whenever lines arrive (the array is appended in place).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [logs.version, logs.lines, hidden, compiled],
  );
  const width = Math.max(4, ...services.map((s) => s.length));
  const box = useRef<HTMLDivElement>(null);
  // Fixed-height rows (no wrap): a long stack log keeps a few dozen rows in the DOM.
  const rows = useVirtualizer({
    count: shown.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_PX,
    overscan: 20,
  });
  useEffect(() => {
    if (follow && shown.length) rows.scrollToIndex(shown.length - 1, { align: 'end' });
  }, [shown, follow, rows]);

  const toggle = (svc: string) =>
    setHidden((h) => {
      const n = new Set(h);
      if (n.has(svc)) n.delete(svc);
      else n.add(svc);
      return n;
    });

  return (
    <section className="resource-view stack-logs" aria-label={`Logs of stack ${project}`}>
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>
          ← Stacks
        </button>
        <h2 className="toolbar-title">Logs of {project}</h2>
        <ToggleButton on={follow} onChange={setFollow} className="log-follow">
          <span className="log-follow-dot" aria-hidden="true" />
          Follow
        </ToggleButton>
        <ToggleButton on={timestamps} onChange={setTimestamps}>
          Timestamps
        </ToggleButton>
        <SearchBox label="Search logs" placeholder="Text in a line" value={search} onChange={setSearch} />
        <ToggleButton
          on={regex}
          onChange={setRegex}
          label="Regular expression"
          title="Search with a regular expression"
        >
          .*
        </ToggleButton>
        {compiled.error && <span className="field-error">{compiled.error}</span>}
        <span className="header-spacer" />
        <span className="toolbar-count" aria-live="polite">
          {plural(shown.length, 'line')}
          {logs.dropped > 0 && ` (${logs.dropped} older dropped)`}
        </span>
        <button
          type="button"
          className="button"
          onClick={() =>
            saveLines(
              logFileName(project),
              shown.map((l) => `${l.time} ${l.service.padEnd(width)} | ${l.text}`),
            )
          }
        >
          Save…
        </button>
      </div>
      <div className="stack-log-services" role="group" aria-label="Services">
        {services.map((svc) => (
          <button
            key={svc}
            type="button"
            className={`toggle-button${hidden.has(svc) ? '' : ' is-on'}`}
            aria-pressed={!hidden.has(svc)}
            style={{ borderColor: serviceColor(svc) }}
            onClick={() => toggle(svc)}
          >
            <span
              className="stack-service-swatch"
              style={{ background: serviceColor(svc) }}
              aria-hidden="true"
            />
            {svc}
          </button>
        ))}
      </div>
      <ErrorBannerRow error={logs.error} title="The log stream stopped" />
      <div className="stack-log-lines mono" ref={box} role="log" aria-label={`Merged logs of ${project}`}>
        <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
          {rows.getVirtualItems().map((v) => {
            const l = shown[v.index]!;
            return (
              <div
                key={v.key}
                className={`stack-log-line${l.stream === 'stderr' ? ' is-stderr' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_PX,
                  transform: `translateY(${v.start}px)`,
                }}
              >
                {timestamps && <span className="stack-log-time">{l.time}</span>}
                <span
                  className="stack-log-tag"
                  style={{ color: serviceColor(l.service), minWidth: `${width}ch` }}
                >
                  {l.service}
                </span>
                <span className="stack-log-sep" aria-hidden="true">
                  |
                </span>
                <span className="stack-log-text">{l.text}</span>
              </div>
            );
          })}
        </div>
        {shown.length === 0 && <p className="muted">{logs.ended ? 'No lines.' : 'Waiting for lines…'}</p>}
      </div>
    </section>
  );
}
