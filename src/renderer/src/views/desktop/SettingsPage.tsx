import { useEffect, useState } from 'react';
import type { AppErrorShape, SettingsPatch } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { toErrorShape } from '../../lib/errors';
import { useSettingsStore } from '../../stores/settings';
import { SettingChoice } from './SettingChoice';
import { SettingInput } from './SettingInput';

/** App-wide preferences, saved in settings.json next to the hosts as soon as they change. */
export function SettingsPage() {
  const settings = useSettingsStore((s) => s.settings);
  const dataDir = useSettingsStore((s) => s.dataDir);
  const notice = useSettingsStore((s) => s.notice);
  const loaded = useSettingsStore((s) => s.loaded);
  const update = useSettingsStore((s) => s.update);
  const load = useSettingsStore((s) => s.load);
  const [error, setError] = useState<AppErrorShape>();

  useEffect(() => {
    if (!loaded) load().catch((e: unknown) => setError(toErrorShape(e)));
  }, [loaded, load]);

  const change = (patch: SettingsPatch) => {
    setError(undefined);
    update(patch).catch((e: unknown) => setError(toErrorShape(e)));
  };

  return (
    <section className="settings-page" aria-label="Settings">
      <header className="overview-header">
        <h1>Settings</h1>
      </header>
      {error && <ErrorBanner error={error} title="Couldn't save the settings" />}
      {notice && (
        <p className="settings-notice" role="status">
          {notice}
        </p>
      )}

      <div className="settings-group">
        <h2>Appearance</h2>
        <SettingChoice
          label="Theme"
          value={settings.theme}
          options={[
            { value: 'system', label: 'System' },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          onChange={(theme) => change({ theme })}
        />
        <SettingChoice
          label="Text size"
          value={String(settings.fontSize)}
          options={['12', '13', '14', '15', '16'].map((v) => ({ value: v, label: `${v} px` }))}
          onChange={(v) => change({ fontSize: Number(v) })}
        />
        <SettingChoice
          label="Density"
          value={settings.density}
          options={[
            { value: 'comfortable', label: 'Comfortable' },
            { value: 'compact', label: 'Compact', hint: 'Tighter rows: more containers on screen' },
          ]}
          onChange={(density) => change({ density })}
        />
      </div>

      <div className="settings-group">
        <h2>Logs</h2>
        <SettingInput
          field="logBufferLines"
          label="Log buffer"
          numeric
          width={140}
          hint="Lines a log view keeps (1,000 to 2,000,000); the oldest are dropped. Applies to logs opened next."
        />
      </div>

      <div className="settings-group">
        <h2>Terminal</h2>
        <SettingInput
          field="terminalScrollback"
          label="Scrollback"
          numeric
          width={140}
          hint="Lines each terminal keeps above the screen (100 to 100,000)."
        />
        <SettingInput
          field="terminalFontSize"
          label="Terminal font size"
          numeric
          width={80}
          hint="8 to 32 px; Ctrl + and Ctrl − zoom the terminal for now."
        />
        <SettingInput
          field="terminalFontFamily"
          label="Terminal font"
          placeholder="System monospace"
          hint="Font names separated by commas, e.g. 'JetBrains Mono', monospace. Applies to new terminals."
        />
        <SettingInput
          field="defaultShell"
          label="Default shell"
          placeholder="Detect (bash, ash, sh)"
          hint="Command for new shells, e.g. /bin/bash -l; a container's own choice still wins."
        />
      </div>

      <div className="settings-group">
        <h2>Notifications and safety</h2>
        <label className="checkbox-row setting-row">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(e) => change({ notifications: e.target.checked })}
          />
          Desktop notifications for new alerts (a container exits with an error, turns unhealthy, restarts in
          a loop…)
        </label>
        <SettingChoice
          label="Type the name to confirm deleting"
          value={settings.typedConfirmation}
          options={[
            { value: 'production', label: 'On production hosts' },
            { value: 'always', label: 'On every host' },
          ]}
          onChange={(typedConfirmation) => change({ typedConfirmation })}
        />
      </div>

      <div className="settings-group">
        <h2>Limits</h2>
        <SettingInput
          field="maxStreamsPerWindow"
          label="Streams per window"
          numeric
          width={140}
          hint="Logs, stats, terminals and other live views one window may keep open (10 to 10,000); each can hold a connection to an engine."
        />
        <SettingInput
          field="maxUploadMiB"
          label="Upload limit"
          numeric
          width={140}
          hint="MiB of uploads staged in the temporary folder at once before they reach a container (1 to 1,048,576)."
        />
        <SettingInput
          field="apiLogEntries"
          label="API log size"
          numeric
          width={140}
          hint="Engine requests the API log keeps per host, in memory only (0 to 20,000; 0 turns the log off)."
        />
      </div>

      <div className="settings-group">
        <h2>Data</h2>
        <div className="field setting-row">
          <span className="field-label" id="data-folder-label">
            Data folder
          </span>
          <code className="settings-path" aria-labelledby="data-folder-label">
            {dataDir || '…'}
          </code>
          <span className="field-hint">
            Hosts, settings, accepted SSH keys and the audit log. Secrets are sealed.
          </span>
        </div>
      </div>
    </section>
  );
}
