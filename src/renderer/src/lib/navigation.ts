/**
 * The app's pages and a host's sections by id and label: data the sidebar, the section tabs and
 * the palette read. Which view renders each lives in views/pages.tsx and views/sections.tsx.
 */
export interface NavItem {
  id: string;
  /** The button's or tab's text and accessible name. */
  label: string;
}

/** App-wide pages, shown as buttons above the host list in this order. */
export const APP_PAGE_ITEMS: readonly NavItem[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'all-containers', label: 'All containers' },
  { id: 'all-stacks', label: 'All stacks' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'merged-logs', label: 'Merged logs' },
  { id: 'forwards', label: 'Forwards' },
  { id: 'audit', label: 'Audit log' },
  { id: 'settings', label: 'Settings' },
];

/** The resource sections of a connected host, in tab order. */
export const HOST_SECTION_ITEMS: readonly NavItem[] = [
  { id: 'containers', label: 'Containers' },
  { id: 'images', label: 'Images' },
  { id: 'activity', label: 'Activity' },
  { id: 'networks', label: 'Networks' },
  { id: 'volumes', label: 'Volumes' },
  { id: 'disk', label: 'Disk usage' },
  { id: 'swarm', label: 'Swarm' },
  { id: 'stacks', label: 'Stacks' },
  { id: 'api', label: 'API' },
];
