import { useEffect, useId, useState } from 'react';
import { MAX_LOG_TAIL } from '@shared/contract';
import { ToggleButton } from '../ui/ToggleButton';

export interface LogSourceBarProps {
  follow: boolean;
  onFollow(v: boolean): void;
  tail: number | 'all';
  onTail(v: number | 'all'): void;
  since: string;
  onSince(v: string): void;
  until: string;
  onUntil(v: string): void;
}

const TAIL_PRESETS = [100, 1000, 10000, 100000];

/** One end of the time window (local date and time, to the second). */
function TimeField({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  return (
    <label className="log-field">
      <span>{label}</span>
      <input
        className="input log-time-input"
        type="datetime-local"
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** What to read: follow, how many lines from the end, and a time window. */
export function LogSourceBar(p: LogSourceBarProps) {
  const listId = useId();
  const [draft, setDraft] = useState(p.tail === 'all' ? '' : String(p.tail));
  useEffect(() => setDraft(p.tail === 'all' ? '' : String(p.tail)), [p.tail]);

  const commit = () => {
    const n = Number(draft);
    if (Number.isInteger(n) && n > 0 && n <= MAX_LOG_TAIL) p.onTail(n);
    else setDraft(p.tail === 'all' ? '' : String(p.tail));
  };

  return (
    <div className="log-bar" role="group" aria-label="Log source">
      <ToggleButton
        on={p.follow}
        onChange={p.onFollow}
        className="log-follow"
        title="Keep reading new lines as the container writes them"
      >
        <span className="log-follow-dot" aria-hidden="true" />
        Follow
      </ToggleButton>
      <label className="log-field">
        <span>Tail</span>
        <input
          className="input log-tail-input"
          type="number"
          min={1}
          max={MAX_LOG_TAIL}
          list={listId}
          aria-label="Tail lines"
          disabled={p.tail === 'all'}
          value={draft}
          placeholder="all"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        <datalist id={listId}>
          {TAIL_PRESETS.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      <label className="log-check">
        <input
          type="checkbox"
          checked={p.tail === 'all'}
          onChange={(e) => p.onTail(e.target.checked ? 'all' : Number(draft) > 0 ? Number(draft) : 1000)}
        />
        All lines
      </label>
      <TimeField label="Since" value={p.since} onChange={p.onSince} />
      <TimeField label="Until" value={p.until} onChange={p.onUntil} />
    </div>
  );
}
