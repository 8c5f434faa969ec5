import type { DockhandBridge } from './bridge';

declare global {
  interface Window {
    /** Present only inside Electron; browser mode talks WebSocket instead. */
    dockhand?: DockhandBridge;
  }
}
