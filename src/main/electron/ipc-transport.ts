import type { IpcMainEvent, WebContents } from 'electron';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import type { MessageTransport } from '@shared/rpc/transport';
import { RPC_CHANNEL } from '../../preload/bridge';

/** One renderer (webContents) as a dispatcher transport; closed when the page goes away. */
export function ipcTransport(
  contents: WebContents,
  register: (listener: (event: IpcMainEvent, message: unknown) => void) => () => void,
): MessageTransport<ClientMessage, ServerMessage> & { fireClose(): void } {
  const closeListeners = new Set<() => void>();
  let closed = false;
  return {
    send(message) {
      if (closed || contents.isDestroyed()) return;
      try {
        contents.send(RPC_CHANNEL, message);
      } catch {
        // The frame may be gone mid-send (reload, crash); its close follows.
      }
    },
    onMessage(listener) {
      return register((event, message) => {
        if (event.sender === contents) listener(message as ClientMessage);
      });
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close() {
      this.fireClose();
    },
    fireClose() {
      if (closed) return;
      closed = true;
      for (const fn of closeListeners) fn();
    },
  };
}
