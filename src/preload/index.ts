import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { HELLO_CHANNEL, RPC_CHANNEL } from '@shared/rpc/ipc-channels';
import type { BerthmasterBridge } from './bridge';

// A fresh page (first load or reload) starts a fresh connection in main.
ipcRenderer.send(HELLO_CHANNEL);

const bridge: BerthmasterBridge = {
  send(message) {
    ipcRenderer.send(RPC_CHANNEL, message);
  },
  onMessage(listener) {
    const wrapped = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(RPC_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(RPC_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('berthmaster', bridge);
