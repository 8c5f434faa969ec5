import { ImageActionIcon } from './ImageActionIcon';
import { FolderIcon, TrashIcon } from './Icons';
import type { ActionIconName } from '../../lib/icon-names';

const props = {
  viewBox: '0 0 16 16',
  width: 14,
  height: 14,
  'aria-hidden': true,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
};

export type IconName = ActionIconName | 'more' | 'run' | 'prune' | 'chevron';

export function ActionIcon({ action }: { action: IconName }) {
  switch (action) {
    case 'start':
    case 'unpause':
      return (
        <svg {...props}>
          <path d="M5 3.5v9l7-4.5z" fill="currentColor" stroke="none" />
        </svg>
      );
    case 'stop':
      return (
        <svg {...props}>
          <rect x="4" y="4" width="8" height="8" rx="1.2" fill="currentColor" stroke="none" />
        </svg>
      );
    case 'pause':
      return (
        <svg {...props}>
          <path d="M5.5 4v8M10.5 4v8" strokeWidth="2" />
        </svg>
      );
    case 'kill':
      return (
        <svg {...props}>
          <path d="M9 1.8L4 9h3.6L7 14.2 12 7H8.4z" fill="currentColor" stroke="none" />
        </svg>
      );
    case 'restart':
      return (
        <svg {...props}>
          <path d="M12.8 8A4.8 4.8 0 1 1 11.4 4.6" />
          <path d="M12.2 2.2v3h-3" />
        </svg>
      );
    case 'remove':
    case 'prune':
      return (
        <svg {...props}>
          <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5M6.8 7v4M9.2 7v4" />
        </svg>
      );
    case 'rename':
      return (
        <svg {...props}>
          <path d="M10.5 2.8l2.7 2.7L6 12.7H3.3V10z" />
        </svg>
      );
    case 'more':
      return (
        <svg {...props}>
          <circle cx="3.5" cy="8" r="1.2" fill="currentColor" stroke="none" />
          <circle cx="8" cy="8" r="1.2" fill="currentColor" stroke="none" />
          <circle cx="12.5" cy="8" r="1.2" fill="currentColor" stroke="none" />
        </svg>
      );
    case 'run':
      return (
        <svg {...props}>
          <path d="M8 3v10M3 8h10" />
        </svg>
      );
    case 'chevron':
      return (
        <svg {...props}>
          <path d="M6 4l4 4-4 4" />
        </svg>
      );
    case 'tag':
    case 'push':
    case 'copy':
    case 'save':
      return <ImageActionIcon action={action} />;
    case 'trash':
      return <TrashIcon />;
    case 'browse':
      return <FolderIcon />;
  }
}
