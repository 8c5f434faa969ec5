import { LineIcon, type LineIconProps } from './LineIcon';

/** Small line icons (decorative: buttons carry their own names). */

/** An icon that is one path, drawn always the same way. */
function pathIcon(d: string, look: Omit<LineIconProps, 'children'> = {}) {
  return function PathIcon() {
    return (
      <LineIcon {...look}>
        <path d={d} />
      </LineIcon>
    );
  };
}

export const TrashIcon = pathIcon('M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5');

export const FolderIcon = pathIcon(
  'M2 4.5A1.5 1.5 0 0 1 3.5 3h2.8l1.4 1.5h4.8A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z',
  { size: 15, className: 'icon-folder' },
);

export const FileIcon = pathIcon('M4 2h5l3 3v9H4zM9 2v3h3', { size: 15, className: 'icon-file' });

export const LinkIcon = pathIcon(
  'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1',
  { size: 15, className: 'icon-file' },
);

export const DownloadIcon = pathIcon('M8 2.5v8M4.8 7.5L8 10.7l3.2-3.2M3 13.5h10');

export const PlusIcon = pathIcon('M8 3v10M3 8h10', { size: 12, strokeWidth: 1.7 });

/** The tick of a task that succeeded. */
export const CheckIcon = pathIcon('M3.5 8.5l3 3 6-7', { strokeWidth: 1.8 });

/** The magnifier of search fields (the kit's SearchBox, the log search, the palette's input). */
export function SearchIcon({ size = 13, className = 'search-icon' }: { size?: number; className?: string }) {
  return (
    <LineIcon size={size} strokeWidth={1.5} className={className}>
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5L14 14" />
    </LineIcon>
  );
}

/** The ✕ of close and remove buttons (decorative: the button carries the name). */
export function CloseIcon({ size = 12 }: { size?: number }) {
  return (
    <LineIcon size={size} strokeWidth={1.6}>
      <path d="M3.5 3.5l9 9m0-9l-9 9" />
    </LineIcon>
  );
}

/** A chevron pointing up or down: previous/next match, show/hide a panel. */
export function ChevronIcon({ direction, size = 14 }: { direction: 'up' | 'down'; size?: number }) {
  return (
    <LineIcon size={size} strokeWidth={1.6}>
      <path d={direction === 'up' ? 'M4 10l4-4 4 4' : 'M4 6l4 4 4-4'} />
    </LineIcon>
  );
}
