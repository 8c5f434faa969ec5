import { usePick } from '../../hooks/usePick';
import { IconButton } from '../../components/ui/IconButton';
import { FONT_MAX, FONT_MIN, SCROLLBACK_CHOICES, useTerminalsStore } from '../../stores/terminals';
import { plural } from '../../lib/plural';
import { ChevronIcon } from '../../components/ui/Icons';
import { LineIcon } from '../../components/ui/LineIcon';

/** Font size, scrollback, maximize and hide: they apply to every terminal. */
export function DockActions() {
  const { fontSize, scrollback, open, maximized } = usePick(
    useTerminalsStore,
    'fontSize',
    'scrollback',
    'open',
    'maximized',
  );
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
      <IconButton
        label={maximized ? 'Restore terminal size' : 'Maximize terminals'}
        pressed={maximized}
        title={maximized ? 'Restore' : 'Maximize'}
        onClick={toggleMaximized}
      >
        <LineIcon size={13}>
          <path d={maximized ? 'M3 9h7v4H3zM6 6V3h7v7h-3' : 'M3 3h10v10H3z'} />
        </LineIcon>
      </IconButton>
      <IconButton
        label={open ? 'Hide terminals' : 'Show terminals'}
        expanded={open}
        title={open ? 'Hide' : 'Show'}
        onClick={() => setOpen(!open)}
      >
        <ChevronIcon direction={open ? 'down' : 'up'} size={13} />
      </IconButton>
    </div>
  );
}
