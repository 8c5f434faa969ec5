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

export function showNotification(n: { title: string; body: string }): void {
  if (!currentSettings().notifications) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  new Notification(n.title, { body: n.body });
}
