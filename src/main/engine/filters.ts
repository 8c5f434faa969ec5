/** Engine prune filters: only a label filter, which callers may use to narrow the scope. */
export function labelFilters(labels: string[] | undefined): { filters?: { label: string[] } } {
  return labels?.length ? { filters: { label: labels } } : {};
}
