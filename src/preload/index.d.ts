import type { BerthmasterBridge } from './bridge';

declare global {
  interface Window {
    /** Present only inside Electron; browser mode talks WebSocket instead. */
    berthmaster?: BerthmasterBridge;
  }
}
