/** The only thing the preload exposes: one fixed channel, carrying the contract's envelopes. */
export interface BerthmasterBridge {
  send(message: unknown): void;
  /** Returns an unsubscribe function (removeListener does not work across contextBridge). */
  onMessage(listener: (message: unknown) => void): () => void;
}
