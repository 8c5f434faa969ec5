import type { MessageTransport } from './transport';

/** Two connected in-memory endpoints; messages are delivered asynchronously, like a real pipe. */
export function createMemoryPair<A, B>(): [MessageTransport<A, B>, MessageTransport<B, A>] {
  const listeners: [Set<(m: A) => void>, Set<(m: B) => void>] = [new Set(), new Set()];
  const closeListeners: [Set<() => void>, Set<() => void>] = [new Set(), new Set()];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    queueMicrotask(() => {
      for (const set of closeListeners) for (const fn of set) fn();
    });
  };
  const end = <In, Out>(
    inbox: Set<(m: In) => void>,
    outbox: Set<(m: Out) => void>,
    myClose: Set<() => void>,
  ): MessageTransport<In, Out> => ({
    send(message) {
      if (closed) return;
      const copy = structuredClone(message);
      queueMicrotask(() => {
        if (!closed) for (const fn of outbox) fn(copy);
      });
    },
    onMessage(fn) {
      inbox.add(fn);
      return () => inbox.delete(fn);
    },
    onClose(fn) {
      myClose.add(fn);
      return () => myClose.delete(fn);
    },
    close,
  });
  return [
    end<A, B>(listeners[0], listeners[1], closeListeners[0]),
    end<B, A>(listeners[1], listeners[0], closeListeners[1]),
  ];
}
