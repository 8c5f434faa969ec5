import { LineIcon } from './LineIcon';

/** The circular arrow of Refresh buttons (decorative: the button carries the name). */
export function RefreshIcon({ size = 13 }: { size?: number }) {
  return (
    <LineIcon size={size} strokeWidth={1.6}>
      <path d="M12.8 8A4.8 4.8 0 1 1 11.4 4.6M12.2 2.2v3h-3" />
    </LineIcon>
  );
}
