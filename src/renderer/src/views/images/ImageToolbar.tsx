import { useId } from 'react';
import type { ImageFilter } from './filter';
import { SearchBox } from '../../components/ui/SearchBox';
import { guard } from '../../lib/policy';
import { useSelectedPolicy } from '../../hooks/usePolicy';
import { plural } from '../../lib/plural';
import { RefreshIcon } from '../../components/ui/RefreshIcon';

const FILTERS: Array<{ value: ImageFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'in-use', label: 'In use' },
  { value: 'unused', label: 'Unused' },
  { value: 'dangling', label: 'Dangling' },
];

export type ImageCommand = 'pull' | 'build' | 'load' | 'prune' | 'registries';

export interface ImageToolbarProps {
  filter: ImageFilter;
  onFilter(f: ImageFilter): void;
  search: string;
  onSearch(q: string): void;
  total: number;
  shown: number;
  totalSize: string;
  loading: boolean;
  onRefresh(): void;
  onCommand(c: ImageCommand): void;
}

/** Filter, search and counts on the left; the commands that act on the host on the right. */
export function ImageToolbar(p: ImageToolbarProps) {
  const name = useId();
  const can = useSelectedPolicy();
  return (
    <div className="toolbar image-toolbar">
      <h2 className="toolbar-title">Images</h2>
      <div className="segmented" role="radiogroup" aria-label="Show images">
        {FILTERS.map((f) => (
          <label key={f.value} className={`segment${p.filter === f.value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={f.value}
              checked={p.filter === f.value}
              onChange={() => p.onFilter(f.value)}
            />
            <span>{f.label}</span>
          </label>
        ))}
      </div>
      <SearchBox
        label="Search images"
        placeholder="Repository, tag or ID"
        value={p.search}
        onChange={p.onSearch}
      />
      <span className="toolbar-count" aria-live="polite">
        {p.shown === p.total ? plural(p.total, 'image') : `${p.shown} of ${plural(p.total, 'image')}`} ·{' '}
        {p.totalSize}
      </span>
      <span className="header-spacer" />
      <div className="toolbar-group" role="group" aria-label="Image commands">
        <button
          type="button"
          className="button button-primary"
          onClick={() => p.onCommand('pull')}
          {...guard(can.allowed('images.pull'))}
        >
          Pull
        </button>
        <button
          type="button"
          className="button"
          onClick={() => p.onCommand('build')}
          {...guard(can.allowed('images.build'))}
        >
          Build
        </button>
        <button
          type="button"
          className="button"
          onClick={() => p.onCommand('load')}
          {...guard(can.allowed('images.load'))}
        >
          Load
        </button>
        <button
          type="button"
          className="button"
          onClick={() => p.onCommand('prune')}
          {...guard(can.allowed('images.prune'))}
        >
          Prune
        </button>
        <button type="button" className="button" onClick={() => p.onCommand('registries')}>
          Registries
        </button>
        <button
          type="button"
          className="icon-button toolbar-refresh"
          aria-label="Refresh images"
          title="Refresh"
          onClick={p.onRefresh}
          disabled={p.loading}
          aria-busy={p.loading || undefined}
        >
          {p.loading ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon size={14} />}
        </button>
      </div>
    </div>
  );
}
