import type { WebSocket } from 'ws';
import { decodeJson, encodeJson } from '@shared/rpc/json-codec';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import type { MessageTransport } from '@shared/rpc/transport';

/** Adapts one browser WebSocket to the dispatcher's message transport. */
export function wsTransport(
  socket: WebSocket,
  onBadMessage: (reason: string) => void,
): MessageTransport<ClientMessage, ServerMessage> {
  return {
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(encodeJson(message));
    },
    onMessage(listener) {
      const handler = (data: Buffer, isBinary: boolean) => {
        if (isBinary) return onBadMessage('binary frame');
        let msg: unknown;
        try {
          msg = decodeJson(data.toString('utf8'));
        } catch {
          return onBadMessage('invalid JSON');
        }
        listener(msg as ClientMessage);
      };
      socket.on('message', handler);
      return () => socket.off('message', handler);
    },
    onClose(listener) {
      socket.on('close', listener);
      return () => socket.off('close', listener);
    },
    close() {
      socket.close();
    },
  };
}
