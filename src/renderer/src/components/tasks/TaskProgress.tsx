import type { TaskLayer, TaskView } from '@shared/contract';
import { formatBytes } from '../../lib/format';
import { ProgressBar } from './ProgressBar';

function layerTone(layer: TaskLayer): 'green' | 'accent' {
  return layer.done ? 'green' : 'accent';
}

function layerText(layer: TaskLayer): string {
  if (layer.total > 0 && !layer.done)
    return `${layer.status} ${formatBytes(layer.current)} / ${formatBytes(layer.total)}`;
  return layer.status;
}

export function overallTone(task: TaskView): 'accent' | 'green' | 'red' | 'grey' {
  if (task.state === 'succeeded') return 'green';
  if (task.state === 'failed') return 'red';
  if (task.state === 'cancelled') return 'grey';
  return 'accent';
}

/** Overall bar with the current phase, then one bar per layer for pulls and pushes. */
export function TaskProgress({ task, showLayers = true }: { task: TaskView; showLayers?: boolean }) {
  const { progress } = task;
  const bytes =
    progress.bytes !== undefined
      ? `${formatBytes(progress.bytes)}${progress.totalBytes ? ` of ${formatBytes(progress.totalBytes)}` : ''}`
      : undefined;
  const fraction =
    task.state === 'running' ? progress.fraction : task.state === 'succeeded' ? 1 : (progress.fraction ?? 0);
  return (
    <div className="task-progress">
      <div className="task-phase-row">
        <span className="task-phase">{task.phase}</span>
        {fraction !== null && task.state === 'running' && (
          <span className="task-percent">{Math.round(fraction * 100)}%</span>
        )}
      </div>
      <ProgressBar
        fraction={fraction}
        label={`${task.title}: overall progress`}
        tone={overallTone(task)}
        {...(bytes ? { valueText: bytes } : {})}
      />
      {showLayers && <LayerList layers={task.layers} />}
    </div>
  );
}

/** One bar per layer of a pull or push, with the engine's word for where it is. */
export function LayerList({ layers }: { layers: TaskLayer[] }) {
  if (layers.length === 0) return null;
  return (
    <ul className="layer-list" aria-label="Layers">
      {layers.map((l) => (
        <li key={l.id} className="layer-row">
          <span className="layer-id mono">{l.id}</span>
          <ProgressBar
            fraction={l.fraction}
            label={`Layer ${l.id}`}
            valueText={layerText(l)}
            tone={layerTone(l)}
            small
          />
          <span className="layer-status">{layerText(l)}</span>
        </li>
      ))}
    </ul>
  );
}
