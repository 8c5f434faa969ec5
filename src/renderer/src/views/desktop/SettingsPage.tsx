import { useEffect, useState } from 'react';
import { settingsPatchSchema, type AppErrorShape, type Settings, type SettingsPatch } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { toErrorShape } from '../../lib/errors';
import { useSettingsStore } from '../../stores/settings';
import { SettingChoice } from './SettingChoice';
import { SETTING_GROUPS, type SettingField } from './setting-fields';
import { SettingInput } from './SettingInput';
import { SettingRow } from './SettingRow';
import { usePick } from '../../hooks/usePick';

/** App-wide preferences, saved in settings.json next to the hosts as soon as they change. */
export function SettingsPage() {
  const { settings, loaded, notice } = usePick(useSettingsStore, 'settings', 'loaded', 'notice');
  const dataDir = useSettingsStore((s) => s.dataDir);
  const { update, load } = useSettingsStore.getState();
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

      {SETTING_GROUPS.map((g) => (
        <div key={g.title} className="settings-group">
          <h2>{g.title}</h2>
          {g.fields.map((f) => (
            <SettingControl key={f.field} setting={f} settings={settings} change={change} />
          ))}
        </div>
      ))}

      <div className="settings-group">
        <h2>Data</h2>
        <SettingRow
          label="Data folder"
          labelId="data-folder-label"
          note={
            <span className="field-hint">
              Hosts, settings, accepted SSH keys and the audit log. Secrets are sealed.
            </span>
          }
        >
          <code className="settings-path" aria-labelledby="data-folder-label">
            {dataDir || '…'}
          </code>
        </SettingRow>
      </div>
    </section>
  );
}

/** One setting from the table, as its kind of control. */
function SettingControl({
  setting: f,
  settings,
  change,
}: {
  setting: SettingField;
  settings: Settings;
  change(patch: SettingsPatch): void;
}) {
  if (f.kind === 'input') return <SettingInput {...f} />;
  if (f.kind === 'check')
    return (
      <label className="checkbox-row setting-row">
        <input
          type="checkbox"
          checked={settings[f.field]}
          onChange={(e) => change({ [f.field]: e.target.checked })}
        />
        {f.label}
      </label>
    );
  return (
    <SettingChoice
      label={f.label}
      value={String(settings[f.field])}
      options={f.options}
      onChange={(v) => {
        // The options are the schema's own values, so this only turns "14" into 14.
        const patch = settingsPatchSchema.safeParse({ [f.field]: f.numeric ? Number(v) : v });
        if (patch.success) change(patch.data);
      }}
    />
  );
}
