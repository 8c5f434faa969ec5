import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { useSectionStore } from '../../stores/sections';
import { HOST_SECTION_ITEMS as HOST_SECTIONS } from '../../lib/navigation';

/** Tabs over the host's resource sections, with arrow-key navigation (WAI-ARIA tabs pattern). */
export function SectionTabs({
  host,
  renderSection,
}: {
  host: HostView;
  renderSection(id: string, host: HostView): ReactNode;
}) {
  const stored = useSectionStore((s) => s.section);
  const setSection = useSectionStore((s) => s.setSection);
  const current = HOST_SECTIONS.find((s) => s.id === stored) ?? HOST_SECTIONS[0];
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  if (!current) return null;

  const onKey = (e: KeyboardEvent, index: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (index + delta + HOST_SECTIONS.length) % HOST_SECTIONS.length;
    const section = HOST_SECTIONS[next];
    if (section) setSection(section.id);
    tabs.current[next]?.focus();
  };

  return (
    <div className="section-area">
      {HOST_SECTIONS.length > 1 && (
        <div className="section-tabs" role="tablist" aria-label="Resources">
          {HOST_SECTIONS.map((s, i) => (
            <button
              key={s.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`section-tab-${s.id}`}
              aria-selected={s.id === current.id}
              aria-controls={`section-panel-${s.id}`}
              tabIndex={s.id === current.id ? 0 : -1}
              className={`section-tab${s.id === current.id ? ' is-active' : ''}`}
              onClick={() => setSection(s.id)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {s.label}
            </button>
          ))}
        </div>
      )}
      <div
        className="section-panel"
        role={HOST_SECTIONS.length > 1 ? 'tabpanel' : undefined}
        id={`section-panel-${current.id}`}
        aria-labelledby={HOST_SECTIONS.length > 1 ? `section-tab-${current.id}` : undefined}
      >
        {renderSection(current.id, host)}
      </div>
    </div>
  );
}
