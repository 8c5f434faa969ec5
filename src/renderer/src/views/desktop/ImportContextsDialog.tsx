import { useEffect, useState } from 'react';
import type { ContextsImportResult } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';

export interface ImportContextsDialogProps {
  onClose(): void;
}

const KIND_LABEL: Record<string, string> = {
  socket: 'Socket',
  tcp: 'TCP',
  tls: 'TLS',
  ssh: 'SSH',
  unknown: '?',
};

/** Lists the Docker CLI's contexts with a checkbox each; one click adds the chosen ones as hosts. */
export function ImportContextsDialog({ onClose }: ImportContextsDialogProps) {
  const contexts = useQuery('contexts.list', {}, { keep: true });
  const list = contexts.result;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<ContextsImportResult>();
  const importing = useMutation('contexts.import', { refetch: () => contexts.reload() });
  const { busy } = importing;
  const error = importing.error ?? contexts.error;
  const load = () => {
    importing.reset();
    contexts.reload();
  };
  // Pre-select what can be added and is not there yet (the common case is "import all"), once.
  const firstList = list !== undefined && result === undefined;
  useEffect(() => {
    if (firstList && list)
      setChosen(new Set(list.contexts.filter((c) => c.importable && !c.imported).map((c) => c.name)));
  }, [firstList, list]);

  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
  };

  const doImport = async () => {
    const outcome = await importing.run({ names: [...chosen] });
    if (!outcome.ok) return;
    setResult(outcome.value);
    setChosen(new Set());
  };

  const footer = (
    <DialogActions
      onCancel={onClose}
      cancelLabel={result ? 'Done' : 'Cancel'}
      submitLabel={chosen.size > 1 ? `Import ${chosen.size} contexts` : 'Import context'}
      busy={busy}
      busyLabel="Importing…"
      disabled={chosen.size === 0}
      onSubmit={() => void doImport()}
    />
  );

  return (
    <Dialog title="Import Docker contexts" onClose={onClose} footer={footer} size="large">
      {error && (
        <ErrorBanner
          error={error}
          actions={
            <button type="button" className="button button-small" onClick={load}>
              Retry
            </button>
          }
        />
      )}
      {result && (
        <div className="banner banner-info ctx-result" role="status">
          {result.added.length > 0
            ? `Added ${result.added.map((h) => h.name).join(', ')}.`
            : 'No host was added.'}
          {result.skipped.map((s) => (
            <div key={s.name}>
              Skipped {s.name}: {s.reason}
            </div>
          ))}
        </div>
      )}
      {!list && !error && <p className="field-hint">Reading Docker contexts…</p>}
      {list && (
        <>
          <p className="field-hint">
            Contexts made with <code>docker context create</code>, read from <code>{list.configDir}</code>.
          </p>
          <ul className="ctx-list" aria-label="Docker contexts">
            {list.contexts.map((c) => {
              const id = `ctx-${c.name}`;
              const disabled = !c.importable || c.imported;
              return (
                <li key={c.name} className={`ctx-item${disabled ? ' ctx-item-disabled' : ''}`}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={chosen.has(c.name)}
                    disabled={disabled}
                    onChange={(e) => toggle(c.name, e.target.checked)}
                    aria-describedby={`${id}-detail`}
                  />
                  <label htmlFor={id} className="ctx-main">
                    <span className="ctx-name">{c.name}</span>
                    {c.current && <span className="ctx-tag ctx-tag-current">current</span>}
                    {c.imported && <span className="ctx-tag">already added</span>}
                    <span className="ctx-kind">{KIND_LABEL[c.kind]}</span>
                  </label>
                  <div id={`${id}-detail`} className="ctx-detail">
                    <code>{c.endpoint || '—'}</code>
                    {c.description && <span> · {c.description}</span>}
                    {c.reason && <div className="ctx-reason">{c.reason}</div>}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Dialog>
  );
}
