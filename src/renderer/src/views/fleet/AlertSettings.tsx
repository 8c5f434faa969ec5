import { useEffect, useId, useState } from 'react';
import { ALERT_RULES, type AlertRule, type FleetSettings } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { ALERT_RULE_LABELS } from '../../lib/alert-text';
import { useFleetSettingsStore } from '../../stores/fleet-settings';
import { useHostsStore } from '../../stores/hosts';
import { usePick } from '../../hooks/usePick';

type AlertsSettings = FleetSettings['alerts'];
const GIB = 1024 ** 3;

/** Bytes as GiB with one decimal, as the inputs show them. */
const toGiB = (bytes: number) => Math.round((bytes / GIB) * 10) / 10;
/** What was typed in GiB, as bytes (never negative). */
const fromGiB = (text: string) => Math.round(Math.max(0, Number(text) || 0) * GIB);

const toggle = (rules: AlertRule[], rule: AlertRule, on: boolean): AlertRule[] =>
  on ? [...new Set([...rules, rule])] : rules.filter((r) => r !== rule);

/** Which rules alert where, and their thresholds: saved with fleet.configure. */
export function AlertSettings() {
  const { settings, saving, error } = usePick(useFleetSettingsStore, 'settings', 'saving', 'error');
  const { load, configure } = useFleetSettingsStore.getState();
  const hosts = useHostsStore((s) => s.hosts);
  const [draft, setDraft] = useState<AlertsSettings>();
  const [saved, setSaved] = useState(false);
  const ids = { count: useId(), minutes: useId(), disk: useId() };

  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (settings) setDraft(settings.alerts);
  }, [settings]);

  if (!draft) return <p className="muted">Loading alert settings…</p>;
  const set = (patch: Partial<AlertsSettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const hostEntry = (id: string) => draft.hosts[id] ?? { muted: false, mutedRules: [] };
  const setHost = (id: string, patch: Partial<AlertsSettings['hosts'][string]>) =>
    set({ hosts: { ...draft.hosts, [id]: { ...hostEntry(id), ...patch } } });

  return (
    <form
      className="alert-settings"
      aria-label="Alert settings"
      onSubmit={(e) => {
        e.preventDefault();
        void configure({ alerts: draft }).then((ok) => setSaved(ok));
      }}
    >
      <fieldset>
        <legend>Rules on every host</legend>
        <div className="alert-rule-toggles">
          {ALERT_RULES.map((r) => (
            <label key={r} className="checkbox-row">
              <input
                type="checkbox"
                checked={!draft.mutedRules.includes(r)}
                onChange={(e) => set({ mutedRules: toggle(draft.mutedRules, r, !e.target.checked) })}
              />
              {ALERT_RULE_LABELS[r]}
            </label>
          ))}
        </div>
        <div className="alert-thresholds">
          <label htmlFor={ids.count}>Restart loop: more than</label>
          <CountInput
            id={ids.count}
            max={1000}
            value={draft.restartCount}
            onChange={(n) => set({ restartCount: n })}
          />
          <label htmlFor={ids.minutes}>restarts in</label>
          <CountInput
            id={ids.minutes}
            max={1440}
            value={draft.restartMinutes}
            onChange={(n) => set({ restartMinutes: n })}
          />
          <span>minutes</span>
          <label htmlFor={ids.disk}>Disk alert above</label>
          <input
            id={ids.disk}
            className="input input-narrow"
            type="number"
            min={0}
            step="any"
            value={toGiB(draft.diskThresholdBytes)}
            onChange={(e) => set({ diskThresholdBytes: fromGiB(e.target.value) })}
          />
          <span>GiB</span>
        </div>
      </fieldset>
      <fieldset>
        <legend>Per host</legend>
        <table className="alert-host-table">
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Mute</th>
              <th scope="col">Muted rules</th>
              <th scope="col">Disk alert (GiB)</th>
            </tr>
          </thead>
          <tbody>
            {hosts.map((h) => {
              const entry = hostEntry(h.id);
              return (
                <tr key={h.id}>
                  <th scope="row">{h.name}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Mute every alert on ${h.name}`}
                      checked={entry.muted}
                      onChange={(e) => setHost(h.id, { muted: e.target.checked })}
                    />
                  </td>
                  <td className="alert-host-rules">
                    {ALERT_RULES.map((r) => (
                      <label
                        key={r}
                        className="rule-chip"
                        title={`Mute “${ALERT_RULE_LABELS[r]}” on ${h.name}`}
                      >
                        <input
                          type="checkbox"
                          aria-label={`Mute ${ALERT_RULE_LABELS[r]} on ${h.name}`}
                          checked={entry.mutedRules.includes(r)}
                          disabled={entry.muted}
                          onChange={(e) =>
                            setHost(h.id, { mutedRules: toggle(entry.mutedRules, r, e.target.checked) })
                          }
                        />
                        {ALERT_RULE_LABELS[r]}
                      </label>
                    ))}
                  </td>
                  <td>
                    <input
                      className="input input-narrow"
                      type="number"
                      min={0}
                      step="any"
                      aria-label={`Disk alert threshold on ${h.name} (GiB)`}
                      placeholder={String(toGiB(draft.diskThresholdBytes))}
                      value={entry.diskThresholdBytes === undefined ? '' : toGiB(entry.diskThresholdBytes)}
                      onChange={(e) =>
                        setHost(h.id, {
                          diskThresholdBytes: e.target.value === '' ? undefined : fromGiB(e.target.value),
                        })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      {error && <ErrorBanner error={error} />}
      <div className="alert-settings-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving && <span className="spinner" aria-hidden="true" />}
          Save alert settings
        </button>
        {saved && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}

/** A restart-loop threshold: a whole number, at least 1. */
function CountInput(p: { id: string; max: number; value: number; onChange(n: number): void }) {
  return (
    <input
      id={p.id}
      className="input input-narrow"
      type="number"
      min={1}
      max={p.max}
      value={p.value}
      onChange={(e) => p.onChange(Math.max(1, Number(e.target.value) || 1))}
    />
  );
}
