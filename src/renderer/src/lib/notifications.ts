import type { EngineEvent } from '@shared/contract';
import { currentSettings } from './app-settings';
import { readStored, writeStored } from './storage';

const key = (hostId: string) => `berthmaster.notify.${hostId}`;

/** Per-host switch for desktop notifications (on unless turned off). */
export function notificationsEnabled(hostId: string): boolean {
  return readStored(key(hostId)) !== 'off';
}

export function setNotificationsEnabled(hostId: string, on: boolean): void {
  writeStored(key(hostId), on ? 'on' : 'off');
  if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission();
  }
}

/** What deserves a desktop notification: a non-zero exit, or a container turning unhealthy. */
export function notificationFor(
  e: EngineEvent,
  hostName: string,
): { title: string; body: string } | undefined {
  if (e.type !== 'container') return undefined;
  const name = e.name ?? e.id.slice(0, 12);
  if (e.action === 'die' && e.attributes.exitCode && e.attributes.exitCode !== '0') {
    return { title: `${name} exited with code ${e.attributes.exitCode}`, body: `on ${hostName}` };
  }
  if (e.action === 'health_status: unhealthy' || e.action === 'health_status:unhealthy') {
    return { title: `${name} is unhealthy`, body: `on ${hostName}` };
  }
  return undefined;
}

export function showNotification(n: { title: string; body: string }): void {
  if (!currentSettings().notifications) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  new Notification(n.title, { body: n.body });
}
