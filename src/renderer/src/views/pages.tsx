import type { ReactNode } from 'react';
import { APP_PAGE_ITEMS, type NavItem } from '../lib/navigation';
import { OverviewPage } from './overview/OverviewPage';
import { AllContainersView } from './containers/all/AllContainersView';
import { AuditPage } from './audit/AuditPage';
import { AllStacksPage } from './stacks/AllStacksPage';
import { SettingsPage } from './desktop/SettingsPage';
import { AlertsPage } from './fleet/AlertsPage';
import { MergedLogsPage } from './fleet/MergedLogsPage';
import { ForwardsPage } from './mobility/ForwardsPage';

export interface AppPage extends NavItem {
  render(): ReactNode;
}

const RENDER: Record<string, () => ReactNode> = {
  overview: () => <OverviewPage />,
  'all-containers': () => <AllContainersView />,
  'all-stacks': () => <AllStacksPage />,
  alerts: () => <AlertsPage />,
  'merged-logs': () => <MergedLogsPage />,
  audit: () => <AuditPage />,
  forwards: () => <ForwardsPage />,
  settings: () => <SettingsPage />,
};

/** App-wide pages: a new page adds a line to lib/navigation.ts and one here. */
export const APP_PAGES: AppPage[] = APP_PAGE_ITEMS.map((p) => ({
  ...p,
  render: RENDER[p.id] ?? (() => null),
}));
