import WebSocket from 'ws';
import { contract } from '@shared/contract';
import { createClient } from '@shared/rpc/client';
import { decodeFrame, encodeFrame } from '@shared/rpc/frame-codec';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import type { MessageTransport } from '@shared/rpc/transport';

/** A Node WebSocket speaking the app's protocol, as the renderer does in browser mode. */
export async function connectWs(port: number, token: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc?token=${token}`, {
    headers: { origin: `http://127.0.0.1:${port}` },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const transport: MessageTransport<ServerMessage, ClientMessage> = {
    send: (m) => socket.send(encodeFrame(m)),
    onMessage(fn) {
      const h = (data: Buffer, isBinary: boolean) =>
        fn(decodeFrame(isBinary ? data : data.toString('utf8')) as ServerMessage);
      socket.on('message', h);
      return () => socket.off('message', h);
    },
    onClose(fn) {
      socket.on('close', fn);
      return () => socket.off('close', fn);
    },
    close: () => socket.close(),
  };
  return { api: createClient(contract, transport), socket, raw: (text: string) => socket.send(text) };
}
