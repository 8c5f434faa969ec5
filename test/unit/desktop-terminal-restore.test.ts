import { describe, expect, it } from 'vitest';
import type { ExecSessionInfo } from '@shared/contract';
import {
  MAX_SAVED_TABS,
  mergeWithLive,
  parseSavedTabs,
  restoredTab,
  serializeTabs,
  specFromSession,
  tabsToSave,
  type SavedTab,
} from '../../src/renderer/src/lib/terminal-restore';
import { COMPACT_ROW_SHRINK, MIN_ROW_HEIGHT, rowHeightFor } from '../../src/renderer/src/lib/row-height';

const sid = (n: number) => `s-${n.toString(16).padStart(16, '0')}`;

const shell: SavedTab = {
  sessionId: sid(1),
  spec: {
    hostId: 'local',
    containerId: 'abc123',
    containerName: 'web',
    kind: 'exec',
    prefs: { shell: ['/bin/sh', '-l'], user: 'nobody', workingDir: '/tmp', env: ['A=1'] },
  },
};
const attach: SavedTab = {
  sessionId: sid(2),
  spec: { hostId: 'lab-b', containerId: 'def456', containerName: 'db', kind: 'attach' },
};

function live(id: string, over: Partial<ExecSessionInfo> = {}): ExecSessionInfo {
  return {
    id,
    hostId: 'local',
    containerId: 'abc123',
    containerName: 'web',
    kind: 'exec',
    command: ['auto'],
    state: 'running',
    cols: 80,
    rows: 24,
    createdAt: 1,
    ...over,
  };
}

describe('saved terminal tabs', () => {
  it('round-trips the specs, in order', () => {
    expect(parseSavedTabs(serializeTabs([shell, attach]))).toEqual([shell, attach]);
  });

  it('treats missing or unreadable storage as nothing saved', () => {
    for (const raw of [
      null,
      '',
      'not json',
      '42',
      'null',
      '[]',
      '{"version":2,"tabs":[]}',
      '{"version":1}',
      '{"version":1,"tabs":{}}',
    ]) {
      expect(parseSavedTabs(raw)).toEqual([]);
    }
  });

  it('drops bad entries one by one and keeps the good ones', () => {
    const bad = [
      null,
      'x',
      { sessionId: '../etc', spec: shell.spec },
      { sessionId: sid(3), spec: { ...shell.spec, hostId: 'Bad Host' } },
      { sessionId: sid(4), spec: { ...shell.spec, containerId: 'a/../b' } },
      { sessionId: sid(5), spec: { ...shell.spec, kind: 'ssh' } },
      { sessionId: sid(6), spec: { ...shell.spec, prefs: { shell: 'auto', workingDir: 'relative' } } },
      { sessionId: sid(7), spec: { ...shell.spec, containerName: '' } },
      // A repeat of a session already listed.
      shell,
    ];
    const raw = JSON.stringify({ version: 1, tabs: [shell, ...bad, attach] });
    expect(parseSavedTabs(raw)).toEqual([shell, attach]);
  });

  it('never keeps more than the bound', () => {
    const many = Array.from({ length: MAX_SAVED_TABS + 10 }, (_, i) => ({ ...attach, sessionId: sid(i) }));
    expect(parseSavedTabs(serializeTabs(many))).toHaveLength(MAX_SAVED_TABS);
    expect(parseSavedTabs(JSON.stringify({ version: 1, tabs: many }))).toHaveLength(MAX_SAVED_TABS);
  });

  it('saves nothing but the spec of each tab', () => {
    const text = serializeTabs(tabsToSave([live(sid(1))], { [sid(1)]: shell.spec }));
    expect(JSON.parse(text)).toEqual({ version: 1, tabs: [shell] });
  });

  it('derives a spec from a live session nobody saved', () => {
    expect(specFromSession(live(sid(9), { command: ['/bin/bash'], user: 'root' }))).toEqual({
      hostId: 'local',
      containerId: 'abc123',
      containerName: 'web',
      kind: 'exec',
      prefs: { shell: ['/bin/bash'], user: 'root' },
    });
    expect(specFromSession(live(sid(9)))).toMatchObject({ prefs: { shell: 'auto' } });
    expect(specFromSession(live(sid(9), { kind: 'attach', command: ['main process'] }))).not.toHaveProperty(
      'prefs',
    );
  });
});

describe('merging saved tabs with the live sessions', () => {
  it('after a reload every saved session is live: nothing is restored', () => {
    const m = mergeWithLive([shell], [live(sid(1))], 5);
    expect(m.restored).toEqual([]);
    expect(m.tabs).toEqual([live(sid(1))]);
    expect(m.specs[sid(1)]).toEqual(shell.spec);
  });

  it('after a restart the lost sessions come back as ended tabs, in saved order', () => {
    const m = mergeWithLive([shell, attach], [live(sid(8))], 5);
    expect(m.tabs.map((t) => t.id)).toEqual([sid(1), sid(2), sid(8)]);
    expect(m.restored).toEqual([sid(1), sid(2)]);
    expect(m.tabs[0]).toMatchObject({
      restored: true,
      state: 'disconnected',
      command: ['/bin/sh', '-l'],
      user: 'nobody',
      containerName: 'web',
    });
    expect(m.tabs[1]).toMatchObject({ restored: true, kind: 'attach', command: ['main process'] });
    expect(m.specs[sid(8)]).toEqual(specFromSession(live(sid(8))));
  });

  it('a restored tab carries the reason it could not be reopened', () => {
    const error = { code: 'CONFLICT', message: 'Container abc123 is not running' } as const;
    expect(restoredTab(shell, 1, error).error).toEqual(error);
    expect(restoredTab(shell, 1)).not.toHaveProperty('error');
  });
});

describe('row height by density', () => {
  it('comfortable keeps each table its own height; compact takes the same off all', () => {
    expect(rowHeightFor(48, 'comfortable')).toBe(48);
    expect(rowHeightFor(48, 'compact')).toBe(48 - COMPACT_ROW_SHRINK);
    expect(rowHeightFor(38, 'compact')).toBe(28);
    expect(rowHeightFor(30, 'compact')).toBe(MIN_ROW_HEIGHT);
  });
});
