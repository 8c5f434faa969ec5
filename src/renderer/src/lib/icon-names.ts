/** The icons the UI kit draws (components/ui/ActionIcon.tsx); action descriptors name one. */
export type ActionIconName =
  | 'start'
  | 'stop'
  | 'restart'
  | 'remove'
  | 'pause'
  | 'unpause'
  | 'kill'
  | 'rename'
  | 'prune'
  | 'more'
  | 'run'
  | 'chevron';
