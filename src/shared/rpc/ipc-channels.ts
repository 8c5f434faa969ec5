/** The two IPC channels between main and the preload: main listens, the preload sends. */
export const RPC_CHANNEL = 'berthmaster:rpc';
export const HELLO_CHANNEL = 'berthmaster:hello';
