import { usePick } from '../../hooks/usePick';
import { IconButton } from '../../components/ui/IconButton';
import { FONT_MAX, FONT_MIN, SCROLLBACK_CHOICES, useTerminalsStore } from '../../stores/terminals';
import { plural } from '../../lib/plural';

/** Font size, scrollback, maximize and hide: they apply to every terminal. */
export function DockActions() {
  const { fontSize, scrollback } = usePick(useTerminalsStore, 'fontSize', 'scrollback');
  const { open, maximized } = usePick(useTerminalsStore, 'open', 'maximized');
  const { zoom, setScrollback, setOpen, toggleMaximized } = useTerminalsStore.getState();

  return (
    <div className="terminal-actions">
      <IconButton
        label="Smaller text"
        title="Smaller text (Ctrl+-)"
        disabled={fontSize <= FONT_MIN}
        onClick={() => zoom(-1)}
      >
        A−
      </IconButton>
      <span className="terminal-font-size" aria-label={`Text size ${fontSize}`}>
        {fontSize}
      </span>
      <IconButton
        label="Larger text"
        title="Larger text (Ctrl+=)"
        disabled={fontSize >= FONT_MAX}
        onClick={() => zoom(1)}
      >
        A+
      </IconButton>
      <label className="terminal-scrollback">
        <span className="visually-hidden">Scrollback lines</span>
        <select
          className="input input-small"
          value={scrollback}
          title="Lines kept in each terminal's scrollback"
          onChange={(e) => setScrollback(Number(e.target.value))}
        >
          {SCROLLBACK_CHOICES.map((n) => (
            <option key={n} value={n}>
              {plural(n, 'line')}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label={maximized ? 'Restore terminal size' : 'Maximize terminals'}
        aria-pressed={maximized}
        title={maximized ? 'Restore' : 'Maximize'}
        onClick={toggleMaximized}
      >
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          {maximized ? (
            <path d="M3 9h7v4H3zM6 6V3h7v7h-3" fill="none" stroke="currentColor" strokeWidth="1.4" />
          ) : (
            <path d="M3 3h10v10H3z" fill="none" stroke="currentColor" strokeWidth="1.4" />
          )}
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={open ? 'Hide terminals' : 'Show terminals'}
        aria-expanded={open}
        title={open ? 'Hide' : 'Show'}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          <path
            d={open ? 'M4 6l4 4 4-4' : 'M4 10l4-4 4 4'}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        </svg>
      </button>
    </div>
  );
}
