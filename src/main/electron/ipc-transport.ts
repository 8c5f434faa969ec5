import type { IpcMainEvent, WebContents } from 'electron';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import type { MessageTransport } from '@shared/rpc/transport';
import { RPC_CHANNEL } from '@shared/rpc/ipc-channels';
import { isOversized, MAX_MESSAGE_BYTES } from '../security/message-size';

/** The part of a WebContents this needs: an interface, so the pure part is testable without Electron. */
export type ContentsLike = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * The refusal for a message over the cap, addressed to its request when it names one (so the
 * caller gets a clear error instead of a hang), or undefined when nobody can be told.
 */
export function oversizeReply(message: unknown): ServerMessage | undefined {
  const m = message as { t?: unknown; id?: unknown } | null;
  if (typeof m !== 'object' || m === null || typeof m.id !== 'number' || !Number.isInteger(m.id)) {
    return undefined;
  }
  const error = {
    code: 'INVALID_INPUT' as const,
    message: `The request is larger than ${MAX_MESSAGE_BYTES / (1024 * 1024)} MiB and was refused.`,
  };
  if (m.t === 'call') return { t: 'error', id: m.id, error };
  if (m.t === 'sub') return { t: 'end', id: m.id, error };
  return undefined;
}

/** One renderer (webContents) as a dispatcher transport; closed when the page goes away. */
export function ipcTransport(
  contents: ContentsLike,
  register: (listener: (event: Pick<IpcMainEvent, 'sender'>, message: unknown) => void) => () => void,
  onRefused: (reason: string) => void = () => undefined,
): MessageTransport<ClientMessage, ServerMessage> & { fireClose(): void } {
  const closeListeners = new Set<() => void>();
  let closed = false;
  const send = (message: ServerMessage) => {
    if (closed || contents.isDestroyed()) return;
    try {
      contents.send(RPC_CHANNEL, message);
    } catch {
      // The frame may be gone mid-send (reload, crash); its close follows.
    }
  };
  return {
    send,
    onMessage(listener) {
      return register((event, message) => {
        if (event.sender !== contents) return;
        // Same cap as the WebSocket: an oversized payload never reaches validation or a handler.
        if (isOversized(message)) {
          onRefused(`a message over ${MAX_MESSAGE_BYTES} bytes`);
          const reply = oversizeReply(message);
          if (reply) send(reply);
          return;
        }
        listener(message as ClientMessage);
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
