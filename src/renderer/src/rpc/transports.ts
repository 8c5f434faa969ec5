import { decodeFrame, encodeFrame, type Frame } from '@shared/rpc/frame-codec';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import type { MessageTransport } from '@shared/rpc/transport';
import type { BerthmasterBridge } from '../../../preload/bridge';

type ClientTransport = MessageTransport<ServerMessage, ClientMessage>;

export function bridgeTransport(bridge: BerthmasterBridge): ClientTransport {
  const closeListeners = new Set<() => void>();
  return {
    send: (m) => bridge.send(m),
    onMessage: (fn) => bridge.onMessage((m) => fn(m as ServerMessage)),
    onClose(fn) {
      closeListeners.add(fn);
      return () => closeListeners.delete(fn);
    },
    close() {
      for (const fn of closeListeners) fn();
    },
  };
}

/** Browser mode: messages queue until the socket opens; a close fails everything pending. */
export function webSocketTransport(url: string): ClientTransport {
  const socket = new WebSocket(url);
  // Binary frames (messages with bytes) arrive as ArrayBuffers: decoded without a Blob round trip.
  socket.binaryType = 'arraybuffer';
  const queue: Frame[] = [];
  const listeners = new Set<(m: ServerMessage) => void>();
  const closeListeners = new Set<() => void>();
  socket.addEventListener('open', () => {
    for (const m of queue.splice(0)) socket.send(m);
  });
  socket.addEventListener('message', (ev) => {
    const data = ev.data as unknown;
    if (typeof data !== 'string' && !(data instanceof ArrayBuffer)) return;
    const msg = decodeFrame(data) as ServerMessage;
    for (const fn of listeners) fn(msg);
  });
  socket.addEventListener('close', () => {
    for (const fn of closeListeners) fn();
  });
  return {
    send(m) {
      const frame = encodeFrame(m);
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else if (socket.readyState === WebSocket.CONNECTING) queue.push(frame);
    },
    onMessage(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    onClose(fn) {
      closeListeners.add(fn);
      return () => closeListeners.delete(fn);
    },
    close: () => socket.close(),
  };
}
