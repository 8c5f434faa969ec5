import { useId, useState } from 'react';
import { dockerContextNameSchema, type ContextExportResult, type HostView } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';

export interface ExportContextDialogProps {
  host: HostView;
  onClose(): void;
}

/** A CLI-friendly default: "prod db" → "prod-db". */
function suggestName(name: string): string {
  const s = name.replace(/[^a-zA-Z0-9_.+-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return (s || 'berthmaster').slice(0, 63);
}

/** Writes a host as a Docker CLI context, so `docker --context NAME` reaches the same engine. */
export function ExportContextDialog({ host, onClose }: ExportContextDialogProps) {
  const [name, setName] = useState(suggestName(host.name));
  const exporting = useMutation('contexts.export');
  const { busy } = exporting;
  const [done, setDone] = useState<ContextExportResult>();
  /** The backend asked: this limited host's TLS key would be written in clear. */
  const [keyWarning, setKeyWarning] = useState<string>();
  const inputId = useId();
  const check = dockerContextNameSchema.safeParse(name);
  const invalid = check.success ? undefined : check.error.issues[0]?.message;

  const submit = async (confirmKeyExport = false) => {
    const outcome = await exporting.run({ hostId: host.id, name, confirmKeyExport });
    if (outcome.ok) {
      setDone(outcome.value);
      setKeyWarning(undefined);
    } else if (outcome.error.data?.confirmKeyExport === true) setKeyWarning(outcome.error.message);
  };
  // The key question is asked in place of the form, not shown as a failure.
  const error = keyWarning ? undefined : exporting.error;

  const footer = keyWarning ? (
    <DialogActions
      onCancel={() => setKeyWarning(undefined)}
      cancelLabel="Back"
      submitLabel="Export with the key"
      danger
      busy={busy}
      busyLabel="Exporting…"
      onSubmit={() => void submit(true)}
    />
  ) : (
    <DialogActions
      done={done !== undefined}
      onCancel={onClose}
      submitLabel="Export"
      busy={busy}
      busyLabel="Exporting…"
      disabled={!!invalid}
      form={`${inputId}-form`}
    />
  );

  return (
    <Dialog title={`Export ${host.name} as a Docker context`} onClose={onClose} footer={footer} size="small">
      {done ? (
        <div role="status" className="ctx-done">
          <p>
            Context <strong>{done.name}</strong> was created. Use it with:
          </p>
          <pre className="ctx-command">docker --context {done.name} ps</pre>
          {done.note && <p className="field-hint">{done.note}</p>}
        </div>
      ) : keyWarning ? (
        <div role="alert" className="ctx-key-warning">
          <p>{keyWarning}</p>
          <p className="field-hint">
            Export only if you trust everyone who can read your Docker config folder.
          </p>
        </div>
      ) : (
        <form
          id={`${inputId}-form`}
          className="host-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) void submit();
          }}
        >
          {error && <ErrorBanner error={error} />}
          <div className="field">
            <label className="field-label" htmlFor={inputId}>
              Context name
            </label>
            <input
              id={inputId}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={`${inputId}-hint`}
              autoComplete="off"
              spellCheck={false}
            />
            <span id={`${inputId}-hint`} className={invalid ? 'field-error' : 'field-hint'}>
              {invalid ??
                'Written to ~/.docker/contexts like `docker context create`; an existing context is never replaced.'}
            </span>
          </div>
        </form>
      )}
    </Dialog>
  );
}
