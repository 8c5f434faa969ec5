import { useState } from 'react';

/** A tab list's tabs, which one is shown, and how to show another (components/ui/TabbedPanel). */
export interface TabState<T extends string> {
  tabs: ReadonlyArray<{ id: T; label: string }>;
  current: T;
  onSelect(id: T): void;
}

/** Tabs whose choice is the page's own state (not kept in a store), starting on `initial`. */
export function useTabState<T extends string>(
  tabs: ReadonlyArray<{ id: T; label: string }>,
  initial: NoInfer<T>,
): TabState<T> {
  const [current, onSelect] = useState<T>(initial);
  return { tabs, current, onSelect };
}
