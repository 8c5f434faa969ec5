import { create } from 'zustand';
import { readStored, writeStored } from '../lib/storage';

const KEY = 'berthmaster.section';

/** Which resource section of the host page is shown (containers, images, ...). */
export const useSectionStore = create<{ section: string; setSection(id: string): void }>()((set) => ({
  section: readStored(KEY) ?? 'containers',
  setSection: (section) => {
    writeStored(KEY, section);
    set({ section });
  },
}));
