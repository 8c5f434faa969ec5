import { fullDate } from '../../lib/format';

/** A moment shown short (`text`: "3 h ago", "12:04:31"), with its full date on hover. */
export function Timestamp({ ms, text, className }: { ms: number; text: string; className?: string }) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={fullDate(ms)} className={className}>
      {text}
    </time>
  );
}
