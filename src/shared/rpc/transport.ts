/** A duplex message pipe. Implementations: Electron IPC, WebSocket, in-memory pair (tests). */
export interface MessageTransport<In, Out> {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): () => void;
  onClose(listener: () => void): () => void;
  close(): void;
}
