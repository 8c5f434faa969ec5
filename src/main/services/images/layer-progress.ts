import type { TaskLayer } from '@shared/contract';
import type { EngineProgress } from '../../engine/progress-stream';

type Mode = 'pull' | 'push';

/** How far along a layer is, given the engine's status word (the download weighs most). */
function layerFraction(
  mode: Mode,
  status: string,
  current: number,
  total: number,
): { f: number; done: boolean } {
  const ratio = total > 0 ? Math.min(1, current / total) : 0;
  if (mode === 'pull') {
    if (status === 'Downloading') return { f: 0.8 * ratio, done: false };
    if (status === 'Verifying Checksum' || status === 'Download complete') return { f: 0.8, done: false };
    if (status === 'Extracting') return { f: 0.8 + 0.2 * ratio, done: false };
    if (status === 'Pull complete' || status === 'Already exists') return { f: 1, done: true };
    return { f: 0, done: false };
  }
  if (status === 'Pushing') return { f: 0.97 * ratio, done: false };
  if (status === 'Pushed' || status === 'Layer already exists' || status.startsWith('Mounted from')) {
    return { f: 1, done: true };
  }
  return { f: 0, done: false };
}

const LAYER_STATUSES = new Set([
  'Pulling fs layer',
  'Waiting',
  'Downloading',
  'Verifying Checksum',
  'Download complete',
  'Extracting',
  'Pull complete',
  'Already exists',
  'Preparing',
  'Pushing',
  'Pushed',
  'Layer already exists',
]);

function isLayerEvent(ev: EngineProgress): ev is EngineProgress & { id: string; status: string } {
  if (!ev.id || !ev.status) return false;
  return (
    LAYER_STATUSES.has(ev.status) ||
    ev.status.startsWith('Mounted from') ||
    ev.status.startsWith('Retrying in')
  );
}

export interface ProgressView {
  layers: TaskLayer[];
  fraction: number | null;
  phase: string;
}

/**
 * Folds the per-layer progress events of a pull or push into bars: one per layer, plus an overall
 * fraction weighted by layer size (a layer of unknown size weighs as much as an average one).
 */
export class LayerProgress {
  private layers = new Map<string, TaskLayer>();

  constructor(private readonly mode: Mode) {}

  /** Returns true when the event changed a layer. */
  apply(ev: EngineProgress): boolean {
    if (!isLayerEvent(ev)) return false;
    const prev = this.layers.get(ev.id);
    const current = ev.progressDetail?.current ?? (ev.status === prev?.status ? prev.current : 0);
    const total = ev.progressDetail?.total ?? prev?.total ?? 0;
    const { f, done } = layerFraction(this.mode, ev.status, current, total);
    // Retrying keeps the bar where it was rather than jumping back.
    const fraction = ev.status.startsWith('Retrying in') ? (prev?.fraction ?? 0) : f;
    this.layers.set(ev.id, {
      id: ev.id,
      status: ev.status,
      current,
      total: Math.max(total, prev?.total ?? 0),
      fraction,
      done,
    });
    return true;
  }

  view(): ProgressView {
    const layers = [...this.layers.values()];
    if (layers.length === 0)
      return { layers, fraction: null, phase: this.mode === 'pull' ? 'Resolving…' : 'Preparing…' };
    const sized = layers.filter((l) => l.total > 0);
    const mean = sized.length ? sized.reduce((s, l) => s + l.total, 0) / sized.length : 1;
    let weight = 0;
    let doneWeight = 0;
    for (const l of layers) {
      const w = l.total > 0 ? l.total : mean;
      weight += w;
      doneWeight += w * l.fraction;
    }
    const finished = layers.filter((l) => l.done).length;
    const busy = layers.find((l) => !l.done && l.fraction > 0);
    const verb =
      this.mode === 'pull' ? (busy?.status === 'Extracting' ? 'Extracting' : 'Downloading') : 'Pushing';
    return {
      layers,
      fraction: weight > 0 ? doneWeight / weight : null,
      phase: `${verb}: ${finished} of ${layers.length} layers done`,
    };
  }
}
