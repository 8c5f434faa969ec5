import { useEffect, useRef } from 'react';
import { highlightRuns } from '../../lib/fuzzy';
import { groupRows, type PaletteRow } from './rows';
import { KindGlyph } from './KindGlyph';

export interface PaletteListProps {
  id: string;
  rows: PaletteRow[];
  activeIndex: number;
  optionId(index: number): string;
  onHover(index: number): void;
  onRun(row: PaletteRow): void;
}

/**
 * The listbox under the palette's combobox. Focus stays in the input (aria-activedescendant);
 * the list is short by construction (a dozen actions, 30 objects), so it is not virtualized.
 */
export function PaletteList({ id, rows, activeIndex, optionId, onHover, onRun }: PaletteListProps) {
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (activeIndex < 0) return;
    list.current
      ?.querySelector(`#${CSS.escape(optionId(activeIndex))}`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, optionId]);

  return (
    <div ref={list} id={id} role="listbox" aria-label="Results" className="palette-list">
      {groupRows(rows).map((group) => (
        <div
          key={group.section}
          role="group"
          aria-labelledby={`${id}-${group.section}`}
          className="palette-group"
        >
          <div id={`${id}-${group.section}`} className="palette-group-title" role="presentation">
            {group.section}
          </div>
          {group.rows.map(({ row, index }) => (
            <div
              key={row.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              aria-disabled={row.disabled ? true : undefined}
              title={row.disabled}
              className={`palette-option${index === activeIndex ? ' is-active' : ''}${row.disabled ? ' is-disabled' : ''}`}
              onMouseMove={() => {
                if (index !== activeIndex) onHover(index);
              }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onRun(row)}
            >
              <span className="palette-option-icon" aria-hidden="true">
                <KindGlyph kind={row.kind ?? (row.action.type === 'pick' ? 'container' : 'action')} />
              </span>
              <span className="palette-option-text">
                <span className="palette-option-title">
                  {highlightRuns(row.title, row.positions).map((r, i) =>
                    r.hit ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>,
                  )}
                </span>
                {row.detail && (
                  <span className="palette-option-detail">
                    {row.hostColor && (
                      <span className="palette-host-dot" style={{ background: row.hostColor }} />
                    )}
                    {row.detail}
                  </span>
                )}
                {row.disabled && (
                  <span className="palette-option-detail palette-option-reason">{row.disabled}</span>
                )}
              </span>
              {row.keys && (
                <span className="palette-keys" aria-label={`Shortcut ${row.keys.join(' ')}`}>
                  {row.keys.map((k, i) =>
                    k === 'then' ? <span key={i}>then</span> : <kbd key={i}>{k}</kbd>,
                  )}
                </span>
              )}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
