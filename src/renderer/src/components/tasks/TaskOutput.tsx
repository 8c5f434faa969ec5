import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTaskOutput } from '../../hooks/useTaskOutput';

export interface TaskOutputProps {
  taskId: string;
  /** Accessible name, e.g. "Build output". */
  label?: string;
  tall?: boolean;
}

/** A task's output as plain text, following the end unless the user scrolled up to read. */
export function TaskOutput({ taskId, label = 'Output', tall }: TaskOutputProps) {
  const { lines, dropped } = useTaskOutput(taskId);
  const ref = useRef<HTMLPreElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 24;
    };
    el.addEventListener('scroll', onScroll);
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);

  return (
    <pre
      ref={ref}
      className={`output-box${tall ? ' task-output-tall' : ''}`}
      role="log"
      aria-label={label}
      tabIndex={0}
    >
      {dropped > 0 && (
        <span className="task-output-dropped">
          … {dropped} earlier lines not kept …{'\n'}
        </span>
      )}
      {lines.map((l, i) => (
        <span key={i} className={l.startsWith('ERROR: ') ? 'task-output-error' : undefined}>
          {l}
          {'\n'}
        </span>
      ))}
      {lines.length === 0 && <span className="muted">No output yet.</span>}
    </pre>
  );
}
