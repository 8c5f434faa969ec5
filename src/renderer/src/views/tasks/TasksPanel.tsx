import { IconButton } from '../../components/ui/IconButton';
import { LineIcon } from '../../components/ui/LineIcon';
import { CloseIcon } from '../../components/ui/Icons';
import { useEffect, useMemo, useRef } from 'react';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useNow } from '../../hooks/useNow';
import { sortedTasks, startTasksWatch, useTasksStore } from '../../stores/tasks';
import { TaskCard } from './TaskCard';
import { usePick } from '../../hooks/usePick';

/**
 * Every long operation on every host (pull, push, build, save, load, copy). Tasks live in main, so
 * the list survives view switches and reloads; this is only a window onto them. Mounted once.
 */
export function TasksPanel() {
  const { tasks, expanded, streamError } = usePick(useTasksStore, 'tasks', 'expanded', 'streamError');
  const open = useTasksStore((s) => s.panelOpen);
  const { openPanel, closePanel, clear } = useTasksStore.getState();
  const list = useMemo(() => sortedTasks(tasks), [tasks]);
  const running = list.filter((t) => t.state === 'running').length;
  const failed = list.filter((t) => t.state === 'failed').length;
  const now = useNow(1000, open && running > 0);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => startTasksWatch(), []);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && panelRef.current?.contains(document.activeElement)) closePanel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, closePanel]);

  return (
    <>
      <button
        type="button"
        className={`tasks-launcher${running ? ' is-busy' : ''}`}
        aria-expanded={open}
        aria-controls="tasks-panel"
        onClick={() => (open ? closePanel() : openPanel())}
      >
        {running ? <span className="spinner" aria-hidden="true" /> : <TasksIcon />}
        <span>Tasks</span>
        {running > 0 && <span className="tasks-count">{running} running</span>}
        {running === 0 && failed > 0 && (
          <span className="tasks-count tasks-count-failed">{failed} failed</span>
        )}
      </button>
      {open && (
        <aside ref={panelRef} id="tasks-panel" className="tasks-panel" aria-label="Tasks">
          <header className="tasks-panel-head">
            <h2 className="tasks-panel-title">Tasks</h2>
            <span className="muted">{running ? `${running} running` : 'Nothing running'}</span>
            <span className="header-spacer" />
            {list.some((t) => t.state !== 'running') && (
              <button type="button" className="button button-small" onClick={() => void clear()}>
                Clear finished
              </button>
            )}
            <IconButton label="Close tasks" onClick={closePanel}>
              <CloseIcon size={14} />
            </IconButton>
          </header>
          {streamError && <ErrorBanner error={streamError} title="The task list stopped updating" />}
          {list.length === 0 ? (
            <p className="tasks-empty muted">
              Pulls, pushes, builds, saves, loads and copies on any host show up here while they run.
            </p>
          ) : (
            <ul className="task-list">
              {list.map((t) => (
                <TaskCard key={t.id} task={t} expanded={expanded === t.id} now={now} />
              ))}
            </ul>
          )}
        </aside>
      )}
    </>
  );
}

function TasksIcon() {
  return (
    <LineIcon strokeWidth={1.6}>
      <path d="M2.5 4h11M2.5 8h11M2.5 12h7" />
    </LineIcon>
  );
}
