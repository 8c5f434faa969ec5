import { z } from 'zod';
import { call } from './define';

/** Dockhand itself, not an engine. */
export const appContract = {
  /**
   * Opens a web link in the system browser (Electron). Main allows only http(s) links; browser
   * mode has no system browser to drive, so there the page opens links itself (noopener).
   */
  openExternal: call<void>()(z.strictObject({ url: z.string().min(1).max(2048) })),
};
