import { decodeJson, encodeJson } from '@shared/rpc/json-codec';
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
  const queue: string[] = [];
  const listeners = new Set<(m: ServerMessage) => void>();
  const closeListeners = new Set<() => void>();
  socket.addEventListener('open', () => {
    for (const m of queue.splice(0)) socket.send(m);
  });
  socket.addEventListener('message', (ev) => {
    if (typeof ev.data !== 'string') return;
    const msg = decodeJson(ev.data) as ServerMessage;
    for (const fn of listeners) fn(msg);
  });
  socket.addEventListener('close', () => {
    for (const fn of closeListeners) fn();
  });
  return {
    send(m) {
      const text = encodeJson(m);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else if (socket.readyState === WebSocket.CONNECTING) queue.push(text);
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
