import { z } from 'zod';
import { call, stream } from './define';

/** What the app menu asks the window to show (Electron; browser mode never sends any). */
export type MenuCommand = { type: 'showSettings' } | { type: 'importContexts' };

/** Berthmaster itself, not an engine. */
export const appContract = {
  /**
   * Opens a web link in the system browser (Electron). Main allows only http(s) links; browser
   * mode has no system browser to drive, so there the page opens links itself (noopener).
   */
  openExternal: call<void>()(z.strictObject({ url: z.string().min(1).max(2048) })),
  /** The app menu's commands for the window, as they are chosen. */
  menu: stream<MenuCommand>()(z.strictObject({})),
};
