import type { ReactNode } from 'react';
import { OverviewPage } from './overview/OverviewPage';
import { AllContainersView } from './all-containers/AllContainersView';
import { AuditPage } from './audit/AuditPage';
import { SettingsPage } from './desktop/SettingsPage';

export interface AppPage {
  id: string;
  /** The sidebar button's text and accessible name. */
  label: string;
  render(): ReactNode;
}

/** App-wide pages, shown as buttons above the host list in this order. A new page adds one line. */
export const APP_PAGES: AppPage[] = [
  { id: 'overview', label: 'Overview', render: () => <OverviewPage /> },
  { id: 'all-containers', label: 'All containers', render: () => <AllContainersView /> },
  { id: 'audit', label: 'Audit log', render: () => <AuditPage /> },
  { id: 'settings', label: 'Settings', render: () => <SettingsPage /> },
];
