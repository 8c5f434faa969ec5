import { LineIcon } from './LineIcon';

/** Small line icons for the resource views (decorative: buttons carry their own names). */

export function TrashIcon() {
  return (
    <LineIcon>
      <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" />
    </LineIcon>
  );
}

export function FolderIcon() {
  return (
    <LineIcon size={15} className="icon-folder">
      <path d="M2 4.5A1.5 1.5 0 0 1 3.5 3h2.8l1.4 1.5h4.8A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z" />
    </LineIcon>
  );
}

export function FileIcon() {
  return (
    <LineIcon size={15} className="icon-file">
      <path d="M4 2h5l3 3v9H4zM9 2v3h3" />
    </LineIcon>
  );
}

export function LinkIcon() {
  return (
    <LineIcon size={15} className="icon-file">
      <path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1" />
    </LineIcon>
  );
}

export function DownloadIcon() {
  return (
    <LineIcon>
      <path d="M8 2.5v8M4.8 7.5L8 10.7l3.2-3.2M3 13.5h10" />
    </LineIcon>
  );
}

export function PlusIcon() {
  return (
    <LineIcon size={12} strokeWidth={1.7}>
      <path d="M8 3v10M3 8h10" />
    </LineIcon>
  );
}

/** The magnifier of search fields (the kit's SearchBox, the log search, the palette's input). */
export function SearchIcon({ size = 13, className = 'search-icon' }: { size?: number; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" className={className}>
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

/** The ✕ of close and remove buttons (decorative: the button carries the name). */
export function CloseIcon({ size = 12 }: { size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden="true">
      <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
