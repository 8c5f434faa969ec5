import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { useSectionStore } from '../../stores/sections';
import { HOST_SECTION_ITEMS as HOST_SECTIONS } from '../../lib/navigation';
import { TabbedPanel } from '../../components/ui/TabbedPanel';

/** Tabs over the host's resource sections (arrow keys move between them). */
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
  if (!current) return null;

  return (
    <div className="section-area">
      <TabbedPanel
        label="Resources"
        prefix="section"
        state={{ tabs: HOST_SECTIONS, current: current.id, onSelect: setSection }}
        tabsClassName="section-tabs"
        className="section-panel"
      >
        {renderSection(current.id, host)}
      </TabbedPanel>
    </div>
  );
}
