import { describe, expect, it } from 'vitest';
import type { Alert, ContainerUpdateStatus, MergedLogLine } from '@shared/contract';
import { ALERT_RULES } from '@shared/contract';
import { ALERT_RULE_LABELS, alertNotification } from '../../../src/renderer/src/lib/alert-text';
import { memberHue, plainMergedLine, unixToRfc3339 } from '../../../src/renderer/src/lib/merged-log';
import { updateBadge } from '../../../src/renderer/src/lib/update-state';

const status = (p: Partial<ContainerUpdateStatus>): ContainerUpdateStatus => ({
  hostId: 'h1',
  containerId: 'c1',
  name: 'web',
  image: '127.0.0.1:5000/app:1',
  imageId: 'sha256:aa',
  state: 'unchecked',
  ...p,
});

describe('update badges', () => {
  it('has no badge for up-to-date or unchecked containers', () => {
    expect(updateBadge(status({ state: 'up-to-date' }))).toBeUndefined();
    expect(updateBadge(status({ state: 'unchecked' }))).toBeUndefined();
  });

  it('marks updates as actionable and pinned/local-only as quiet, not errors', () => {
    expect(updateBadge(status({ state: 'update-available' }))).toMatchObject({
      text: 'Update',
      tone: 'update',
    });
    expect(updateBadge(status({ state: 'newer-pulled' }))?.tone).toBe('update');
    expect(updateBadge(status({ state: 'pinned' }))).toMatchObject({ text: 'Pinned', tone: 'quiet' });
    expect(updateBadge(status({ state: 'local-only' }))).toMatchObject({ text: 'Local', tone: 'quiet' });
  });

  it('puts a failed check’s own message in the tooltip', () => {
    const b = updateBadge(
      status({
        state: 'unknown',
        error: { code: 'ENGINE_UNREACHABLE', message: 'registry 10.0.0.9:5000 did not answer' },
      }),
    );
    expect(b).toMatchObject({ tone: 'warn', title: 'registry 10.0.0.9:5000 did not answer' });
    const r = updateBadge(
      status({ state: 'rate-limited', error: { code: 'CONFLICT', message: 'toomanyrequests' } }),
    );
    expect(r?.title).toContain('toomanyrequests');
  });
});

describe('merged log lines', () => {
  it('turns the stream’s Unix timestamps into RFC 3339 with all nine digits', () => {
    expect(unixToRfc3339('1704164645.123456789')).toBe('2024-01-02T03:04:05.123456789Z');
    expect(unixToRfc3339('1704164645.5')).toBe('2024-01-02T03:04:05.500000000Z');
    expect(unixToRfc3339('1704164645')).toBe('2024-01-02T03:04:05.000000000Z');
  });

  it('exports a line with host/container and, when asked, its time', () => {
    const l: MergedLogLine = {
      hostId: 'h',
      containerId: 'c',
      ts: '1704164645.000000001',
      stream: 1,
      text: 'hi',
    };
    expect(plainMergedLine(l, 'lab-b', 'web-1', false)).toBe('lab-b/web-1 hi');
    expect(plainMergedLine(l, 'lab-b', 'web-1', true)).toBe('2024-01-02T03:04:05.000000001Z lab-b/web-1 hi');
  });

  it('gives neighbouring members different colours', () => {
    expect(memberHue(0)).not.toBe(memberHue(1));
    expect(memberHue(10)).toBe(memberHue(0));
  });
});

describe('alert text', () => {
  it('names every rule', () => {
    for (const r of ALERT_RULES) expect(ALERT_RULE_LABELS[r]).toBeTruthy();
  });

  it('notifies with the alert’s sentence and where it happened', () => {
    const a: Alert = {
      id: 'a-1',
      rule: 'exit',
      hostId: 'h',
      containerId: 'c',
      subject: 'web',
      message: 'web exited with code 7.',
      at: 1,
      lastAt: 1,
      count: 1,
      acknowledged: false,
    };
    expect(alertNotification(a, 'lab-b')).toEqual({
      title: 'web exited with code 7.',
      body: 'Exited with an error on lab-b',
    });
  });
});
