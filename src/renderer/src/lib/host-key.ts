import type { AppErrorShape } from '@shared/contract';

/** The SSH host key a server presented, as carried in SSH_HOST_KEY_* error data. */
export interface HostKeyInfo {
  host: string;
  port: number;
  keyType: string;
  key: string;
  fingerprint: string;
}

export function hostKeyFromError(e: AppErrorShape | undefined): HostKeyInfo | undefined {
  if (!e || (e.code !== 'SSH_HOST_KEY_UNKNOWN' && e.code !== 'SSH_HOST_KEY_CHANGED')) return undefined;
  const d = e.data ?? {};
  const { host, port, keyType, key, fingerprint } = d;
  if (typeof host !== 'string' || typeof keyType !== 'string' || typeof key !== 'string') return undefined;
  const portNum = typeof port === 'number' ? port : Number(port);
  if (!Number.isInteger(portNum)) return undefined;
  return {
    host,
    port: portNum,
    keyType,
    key,
    fingerprint: typeof fingerprint === 'string' ? fingerprint : '',
  };
}
