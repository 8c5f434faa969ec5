import type { ReactNode } from 'react';
import { ImageActionIcon } from './ImageActionIcon';
import { FolderIcon, TrashIcon } from './Icons';
import { LineIcon } from './LineIcon';
import type { ActionIconName } from '../../lib/icon-names';

export type IconName = ActionIconName | 'more' | 'run' | 'prune' | 'chevron';

const play = <path d="M5 3.5v9l7-4.5z" fill="currentColor" stroke="none" />;
const bin = <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5M6.8 7v4M9.2 7v4" />;
const dot = (cx: number) => <circle key={cx} cx={cx} cy="8" r="1.2" fill="currentColor" stroke="none" />;

/** The shapes of the icons drawn here; the image actions, trash and browse have their own. */
const SHAPES: Record<Exclude<IconName, 'tag' | 'push' | 'copy' | 'save' | 'trash' | 'browse'>, ReactNode> = {
  start: play,
  unpause: play,
  stop: <rect x="4" y="4" width="8" height="8" rx="1.2" fill="currentColor" stroke="none" />,
  pause: <path d="M5.5 4v8M10.5 4v8" strokeWidth="2" />,
  kill: <path d="M9 1.8L4 9h3.6L7 14.2 12 7H8.4z" fill="currentColor" stroke="none" />,
  restart: <path d="M12.8 8A4.8 4.8 0 1 1 11.4 4.6M12.2 2.2v3h-3" />,
  remove: bin,
  prune: bin,
  rename: <path d="M10.5 2.8l2.7 2.7L6 12.7H3.3V10z" />,
  more: [3.5, 8, 12.5].map(dot),
  run: <path d="M8 3v10M3 8h10" />,
  chevron: <path d="M6 4l4 4-4 4" />,
};

export function ActionIcon({ action }: { action: IconName }) {
  switch (action) {
    case 'tag':
    case 'push':
    case 'copy':
    case 'save':
      return <ImageActionIcon action={action} />;
    case 'trash':
      return <TrashIcon />;
    case 'browse':
      return <FolderIcon />;
    default:
      return <LineIcon strokeWidth={1.6}>{SHAPES[action]}</LineIcon>;
  }
}
