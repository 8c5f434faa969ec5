import { randomBytes } from 'node:crypto';
import type { Alert, AlertsEvent } from '@shared/contract';

/** Alerts kept; the oldest go first (acknowledged ones before open ones). */
export const MAX_ALERTS = 500;

export type NewAlert = Omit<Alert, 'id' | 'acknowledged' | 'count' | 'lastAt'> & { key: string };

/**
 * The alerts of one backend, bounded. An alert is keyed by what it is about (rule, host,
 * container): while it is unacknowledged and unresolved, a repeat bumps its count instead of
 * adding a second alert, so each condition appears once.
 */
export class AlertStore {
  private readonly alerts = new Map<string, Alert>();
  private readonly openByKey = new Map<string, string>();
  private readonly listeners = new Set<(e: AlertsEvent) => void>();

  raise(input: NewAlert): Alert {
    const { key, ...fields } = input;
    const openId = this.openByKey.get(key);
    const open = openId ? this.alerts.get(openId) : undefined;
    if (open) {
      const next: Alert = { ...open, count: open.count + 1, lastAt: fields.at, message: fields.message };
      if (fields.detail) next.detail = fields.detail;
      this.alerts.set(open.id, next);
      this.emit({ type: 'updated', alert: next });
      return next;
    }
    const alert: Alert = {
      ...fields,
      id: `a-${randomBytes(6).toString('hex')}`,
      lastAt: fields.at,
      count: 1,
      acknowledged: false,
    };
    this.alerts.set(alert.id, alert);
    this.openByKey.set(key, alert.id);
    this.emit({ type: 'added', alert });
    this.trim();
    return alert;
  }

  /** The condition ended (host back, container healthy): the alert stays, marked resolved. */
  resolve(key: string, at: number): void {
    const id = this.openByKey.get(key);
    if (!id) return;
    this.openByKey.delete(key);
    const a = this.alerts.get(id);
    if (!a) return;
    const next = { ...a, resolvedAt: at };
    this.alerts.set(id, next);
    this.emit({ type: 'updated', alert: next });
  }

  /** Whether an alert for `key` is open now. */
  isOpen(key: string): boolean {
    return this.openByKey.has(key);
  }

  acknowledge(ids?: readonly string[]): void {
    const want = ids ? new Set(ids) : undefined;
    for (const [id, a] of this.alerts) {
      if (a.acknowledged || (want && !want.has(id))) continue;
      const next = { ...a, acknowledged: true };
      this.alerts.set(id, next);
      for (const [k, v] of this.openByKey) if (v === id) this.openByKey.delete(k);
      this.emit({ type: 'updated', alert: next });
    }
  }

  clearAcknowledged(): void {
    const ids = [...this.alerts.values()].filter((a) => a.acknowledged).map((a) => a.id);
    for (const id of ids) this.alerts.delete(id);
    if (ids.length) this.emit({ type: 'removed', ids });
  }

  list(): Alert[] {
    return [...this.alerts.values()];
  }

  subscribe(fn: (e: AlertsEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: AlertsEvent): void {
    for (const l of this.listeners) l(e);
  }

  private trim(): void {
    const excess = this.alerts.size - MAX_ALERTS;
    if (excess <= 0) return;
    const all = [...this.alerts.values()];
    const order = [
      ...all.filter((a) => a.acknowledged || a.resolvedAt),
      ...all.filter((a) => !a.acknowledged && !a.resolvedAt),
    ];
    const drop = order.slice(0, excess).map((a) => a.id);
    for (const id of drop) {
      this.alerts.delete(id);
      for (const [k, v] of this.openByKey) if (v === id) this.openByKey.delete(k);
    }
    this.emit({ type: 'removed', ids: drop });
  }
}
