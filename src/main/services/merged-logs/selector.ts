import type { MergedSelector } from '@shared/contract';

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';

/** The engine's label filter for a selector (the list kind has none). */
export function labelFilters(sel: MergedSelector): string[] {
  switch (sel.kind) {
    case 'labels':
      return sel.labels;
    case 'project':
      return [`${PROJECT}=${sel.project}`];
    case 'service':
      return [`${SERVICE}=${sel.service}`];
    case 'containers':
      return [];
  }
}

/** Whether a container's labels (from an event's attributes or a listing) match label filters. */
export function labelsMatch(filters: readonly string[], labels: Record<string, string>): boolean {
  if (filters.length === 0) return false;
  return filters.every((f) => {
    const eq = f.indexOf('=');
    if (eq === -1) return Object.hasOwn(labels, f);
    return labels[f.slice(0, eq)] === f.slice(eq + 1);
  });
}
