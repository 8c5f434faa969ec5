import { useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AppErrorShape, SwarmService } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { SearchBox } from '../../components/ui/SearchBox';
import { ToggleButton } from '../../components/ui/ToggleButton';
import { LogModel } from '../../components/log-viewer/log-model';
import { LogRows, type LogRowsHandle } from '../../components/log-viewer/LogRows';
import { compileSearch } from '../../components/log-viewer/search';
import { toErrorShape } from '../../lib/errors';
import { useServiceLogs } from '../../hooks/useServiceLogs';
import { plural } from '../../lib/plural';

const REPAINT_MS = 150;

/**
 * A service's logs from all its tasks, each line labelled "[service.slot@node]", in the log
 * viewer's own rows (virtualized, ANSI colours, timestamps) with follow and search.
 */
export function ServiceLogsDialog(props: { hostId: string; service: SwarmService; onClose(): void }) {
  const { hostId, service, onClose } = props;
  const modelRef = useRef<LogModel | undefined>(undefined);
  modelRef.current ??= new LogModel();
  const model = modelRef.current;
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [follow, setFollow] = useState(true);
  const [stick, setStick] = useState(true);
  const [timestamps, setTimestamps] = useState(false);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const [ended, setEnded] = useState(false);
  const rows = useRef<LogRowsHandle>(null);
  const deferred = useDeferredValue(search);
  const compiled = useMemo(() => compileSearch(deferred, { regex: false, caseSensitive: false }), [deferred]);

  useEffect(() => {
    model.setFilters({
      showStdout: true,
      showStderr: true,
      search: compiled.search,
      onlyMatches: !!compiled.search,
    });
    bump();
  }, [model, compiled]);

  const repaint = useRef<ReturnType<typeof setTimeout>>(undefined);
  const schedule = () =>
    (repaint.current ??= setTimeout(() => ((repaint.current = undefined), bump()), REPAINT_MS));
  useEffect(() => () => clearTimeout(repaint.current), []);
  useServiceLogs(hostId, service.id, follow, {
    start() {
      model.restart(false);
      setEnded(false);
      setError(undefined);
    },
    line(e) {
      model.ingest(e.text, e.runs);
      schedule();
    },
    end(err) {
      model.finish();
      if (err) setError(toErrorShape(err));
      setEnded(true);
      schedule();
    },
  });

  return (
    <Dialog title={`Logs of ${service.name}`} onClose={onClose} size="large" className="swarm-logs-dialog">
      <div className="log-viewer swarm-logs">
        <div className="log-bar" role="group" aria-label="Log options">
          <ToggleButton on={follow} onChange={setFollow}>
            Follow
          </ToggleButton>
          <ToggleButton on={timestamps} onChange={setTimestamps}>
            Timestamps
          </ToggleButton>
          <SearchBox
            label="Search the service logs"
            placeholder="Search (shows matching lines)"
            value={search}
            onChange={setSearch}
          />
          <span className="muted">
            {plural(model.rowCount, 'line')}
            {ended ? ' · stream ended' : follow ? ' · following' : ' · paused'}
          </span>
        </div>
        {error && <ErrorBanner error={error} title={`Couldn't read the logs of ${service.name}`} />}
        <LogRows
          ref={rows}
          model={model}
          version={version}
          wrap={false}
          showTs={timestamps}
          showStream
          search={compiled.search}
          currentSeq={undefined}
          stick={stick}
          onStickChange={setStick}
        />
      </div>
    </Dialog>
  );
}
