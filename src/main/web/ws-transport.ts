import type { WebSocket } from 'ws';
import { decodeFrame, encodeFrame } from '@shared/rpc/frame-codec';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import type { MessageTransport } from '@shared/rpc/transport';

/** Adapts one browser WebSocket to the dispatcher's message transport. */
export function wsTransport(
  socket: WebSocket,
  onBadMessage: (reason: string) => void,
): MessageTransport<ClientMessage, ServerMessage> {
  return {
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(encodeFrame(message));
    },
    onMessage(listener) {
      const handler = (data: Buffer, isBinary: boolean) => {
        let msg: unknown;
        try {
          // Binary frames carry byte arrays (uploads, terminal input) without base64.
          msg = decodeFrame(isBinary ? data : data.toString('utf8'));
        } catch {
          return onBadMessage(isBinary ? 'malformed binary frame' : 'invalid JSON');
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
