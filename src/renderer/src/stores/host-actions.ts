import type { HostView } from '@shared/contract';
import { useHostsStore } from './hosts';
import { useUiStore } from './ui';
import { copyText } from '../lib/clipboard';
import { formatConnectionLog } from '../lib/connection-log';
import { errorTitle, toErrorShape } from '../lib/errors';

/** Host actions that report their outcome as a toast (used by the sidebar menu and the header). */

function reportError(what: string, e: unknown) {
  const err = toErrorShape(e);
  useUiStore.getState().toast(`${what}: ${errorTitle(err)} — ${err.message}`, 'error');
}

export async function copyConnectionLog(host: HostView): Promise<void> {
  try {
    const entries = await useHostsStore.getState().connectionLog(host.id);
    const ok = await copyText(formatConnectionLog(host, entries)).then(
      () => true,
      () => false,
    );
    if (ok) useUiStore.getState().toast(`Connection log of ${host.name} copied to the clipboard.`);
    else useUiStore.getState().showLog(host.id);
  } catch (e) {
    reportError(`Couldn't read the connection log of ${host.name}`, e);
  }
}

export async function reconnectHost(host: HostView): Promise<void> {
  try {
    await useHostsStore.getState().reconnect(host.id);
  } catch (e) {
    reportError(`Couldn't reconnect ${host.name}`, e);
  }
}

export async function moveHost(host: HostView, delta: -1 | 1): Promise<void> {
  try {
    await useHostsStore.getState().move(host.id, delta);
  } catch (e) {
    reportError(`Couldn't move ${host.name}`, e);
  }
}
