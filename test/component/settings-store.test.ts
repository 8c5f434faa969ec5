import { answer, CallError, resetBridge } from './fake-bridge';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings, SettingsPatch } from '../../src/shared/contract';
import { useSettingsStore } from '../../src/renderer/src/stores/settings';
import { settle } from './fixtures';

const base = useSettingsStore.getState().settings;
/** Answers to settings.update, held until the test lets each one go. */
let pending: Array<{ patch: SettingsPatch; release(settings: Settings | Error): void }>;

beforeEach(() => {
  resetBridge();
  pending = [];
  useSettingsStore.setState({ settings: base });
  answer(
    'settings.update',
    (patch) =>
      new Promise((resolve, reject) =>
        pending.push({
          patch: patch as SettingsPatch,
          release: (s) =>
            s instanceof Error
              ? reject(new CallError({ code: 'INTERNAL', message: s.message }))
              : resolve({ settings: s, dataDir: '/data' }),
        }),
      ),
  );
});

describe('settings store: changes in flight', () => {
  it('an earlier answer does not undo a later change still on its way', async () => {
    const { update } = useSettingsStore.getState();
    const first = update({ logBufferLines: 50_000 });
    const second = update({ theme: 'dark' });
    await settle();
    expect(pending).toHaveLength(2);
    // Main answers in order: the first answer knows nothing of the second change yet.
    pending[0]!.release({ ...base, logBufferLines: 50_000 });
    await first;
    expect(useSettingsStore.getState().settings).toMatchObject({ logBufferLines: 50_000, theme: 'dark' });
    pending[1]!.release({ ...base, logBufferLines: 50_000, theme: 'dark' });
    await second;
    expect(useSettingsStore.getState().settings).toMatchObject({ logBufferLines: 50_000, theme: 'dark' });
  });

  it('a refused last change shows what main holds', async () => {
    answer('settings.get', () => ({ settings: { ...base, logBufferLines: 50_000 }, dataDir: '/data' }));
    const { update } = useSettingsStore.getState();
    const first = update({ logBufferLines: 50_000 });
    const second = update({ theme: 'dark' });
    await settle();
    pending[0]!.release({ ...base, logBufferLines: 50_000 });
    pending[1]!.release(new Error('disk full'));
    await first;
    await expect(second).rejects.toMatchObject({ message: 'disk full' });
    expect(useSettingsStore.getState().settings).toMatchObject({ logBufferLines: 50_000, theme: base.theme });
  });
});
