import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { DetailTabs } from '../../components/ui/DetailTabs';
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
  if (!current) return null;

  return (
    <div className="section-area">
      {HOST_SECTIONS.length > 1 && (
        <DetailTabs
          label="Resources"
          prefix="section"
          className="section-tabs"
          tabs={HOST_SECTIONS}
          current={current.id}
          onSelect={setSection}
        />
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
