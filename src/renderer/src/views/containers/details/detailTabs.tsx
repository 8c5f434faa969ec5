import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import type { DetailsTarget } from '../../../stores/details';

export interface DetailTabProps {
  host: HostView;
  target: DetailsTarget;
}

export interface DetailTab {
  id: string;
  label: string;
  render(props: DetailTabProps): ReactNode;
}

function OverviewPlaceholder({ target }: DetailTabProps) {
  return <p className="muted details-placeholder">{target.name}</p>;
}

/** The tabs of the container details view, in order. A new tab (logs, stats, terminal) adds one line. */
export const DETAIL_TABS: DetailTab[] = [
  { id: 'overview', label: 'Overview', render: (p) => <OverviewPlaceholder {...p} /> },
];
