import type { ImageFilter } from './filter';
import { SearchBox } from '../../components/ui/SearchBox';
import { Segmented } from '../../components/ui/Segmented';
import { guard } from '../../lib/policy';
import { useSelectedPolicy } from '../../hooks/usePolicy';
import { plural } from '../../lib/plural';
import { RefreshButton } from '../../components/ui/RefreshButton';

const FILTERS: Array<{ value: ImageFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'in-use', label: 'In use' },
  { value: 'unused', label: 'Unused' },
  { value: 'dangling', label: 'Dangling' },
];

export type ImageCommand = 'pull' | 'build' | 'load' | 'prune' | 'registries';

/** The host's image commands, each guarded by its method's policy; Pull is the main one. */
const COMMANDS = [
  { id: 'pull', label: 'Pull', method: 'images.pull' },
  { id: 'build', label: 'Build', method: 'images.build' },
  { id: 'load', label: 'Load', method: 'images.load' },
  { id: 'prune', label: 'Prune', method: 'images.prune' },
] as const;

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
  const can = useSelectedPolicy();
  return (
    <div className="toolbar image-toolbar">
      <h2 className="toolbar-title">Images</h2>
      <Segmented label="Show images" options={FILTERS} value={p.filter} onChange={p.onFilter} />
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
        {COMMANDS.map((c) => (
          <button
            key={c.id}
            type="button"
            className={c.id === 'pull' ? 'button button-primary' : 'button'}
            onClick={() => p.onCommand(c.id)}
            {...guard(can.allowed(c.method))}
          >
            {c.label}
          </button>
        ))}
        <button type="button" className="button" onClick={() => p.onCommand('registries')}>
          Registries
        </button>
        <RefreshButton loading={p.loading} onRefresh={p.onRefresh} compact label="Refresh images" />
      </div>
    </div>
  );
}
