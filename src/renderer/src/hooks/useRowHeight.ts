import { useSettingsStore } from '../stores/settings';
import { rowHeightFor } from '../lib/row-height';

/** The row height of a virtualized list at the current density (re-renders when it changes). */
export function useRowHeight(comfortable: number): number {
  const density = useSettingsStore((s) => s.settings.density);
  return rowHeightFor(comfortable, density);
}
