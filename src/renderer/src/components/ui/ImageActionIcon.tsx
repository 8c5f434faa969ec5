import { LineIcon } from './LineIcon';

export type ImageAction = 'tag' | 'push' | 'copy' | 'save' | 'remove';

const PATHS: Record<ImageAction, string> = {
  tag: 'M2.5 2.5h5l6 6-5 5-6-6zM5.2 5.2h.01',
  push: 'M8 12.5V3.5M4.5 7L8 3.5 11.5 7M3 13.5h10',
  copy: 'M5.5 5.5h7v7h-7zM3.5 10.5v-7h7',
  save: 'M8 3v7.5M4.5 7.5L8 11l3.5-3.5M3 13.5h10',
  remove: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5',
};

/** The small line icons of the image row actions. */
export function ImageActionIcon({ action }: { action: ImageAction }) {
  return (
    <LineIcon strokeWidth={1.5}>
      <path d={PATHS[action]} />
    </LineIcon>
  );
}
