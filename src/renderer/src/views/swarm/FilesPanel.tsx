import { PlainTable } from '../../components/ui/PlainTable';
import { useId, useState } from 'react';
import { MAX_SWARM_FILE_BYTES, type SwarmFile } from '@shared/contract';
import { LabeledField } from '../../components/ui/LabeledField';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { useSwarmMutation, useSwarmObjects } from '../../hooks/useSwarm';
import { RemoveObjectDialog } from './RemoveObjectDialog';

type Kind = 'secret' | 'config';

const METHODS = {
  secret: { create: 'swarm.secretCreate', remove: 'swarm.secretRemove' },
  config: { create: 'swarm.configCreate', remove: 'swarm.configRemove' },
} as const;

/** Secrets and configs side by side: who uses each, create from text or a file, remove. */
export function FilesPanel({ hostId }: { hostId: string }) {
  return (
    <div className="swarm-files">
      <FileList hostId={hostId} kind="secret" />
      <FileList hostId={hostId} kind="config" />
    </div>
  );
}

function FileList({ hostId, kind }: { hostId: string; kind: Kind }) {
  const can = usePolicy(hostId);
  const objects = useSwarmObjects(hostId);
  const items = kind === 'secret' ? objects.secrets : objects.configs;
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<SwarmFile>();
  const title = kind === 'secret' ? 'Secrets' : 'Configs';

  return (
    <section className="swarm-panel" aria-label={title}>
      <div className="toolbar">
        <h3 className="toolbar-title">{title}</h3>
        <span className="header-spacer" />
        <button
          type="button"
          className="button"
          onClick={() => setCreating(true)}
          {...guard(can.allowed(kind === 'secret' ? 'swarm.secretCreate' : 'swarm.configCreate'))}
        >
          Create {kind}
        </button>
      </div>
      {objects.error && !removing && (
        <ErrorBanner error={objects.error} title={`Could not read the ${kind}s`} />
      )}
      {items?.length === 0 && <p className="muted">No {kind}s.</p>}
      {items && items.length > 0 && (
        <PlainTable
          className="plain-table swarm-table swarm-table-compact"
          label={title}
          columns={['Name', 'Used by', 'Created']}
          actions
        >
          {items.map((f) => (
            <tr key={f.id}>
              <td>
                {f.name}
                {f.stack && <span className="muted"> · stack {f.stack}</span>}
              </td>
              <td className="mono-soft">{f.usedBy.join(', ') || <span className="muted">unused</span>}</td>
              <td className="muted swarm-when">{new Date(f.createdAt).toLocaleString()}</td>
              <td className="swarm-actions">
                <button
                  type="button"
                  className="button button-small button-danger"
                  aria-label={`Remove ${kind} ${f.name}`}
                  onClick={() => setRemoving(f)}
                  {...guard(can.allowed(kind === 'secret' ? 'swarm.secretRemove' : 'swarm.configRemove'))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </PlainTable>
      )}
      {creating && (
        <CreateFileDialog
          hostId={hostId}
          kind={kind}
          onClose={() => setCreating(false)}
          onCreated={() => setCreating(false)}
        />
      )}
      {removing && (
        <RemoveObjectDialog
          hostId={hostId}
          method={METHODS[kind].remove}
          input={{ hostId, id: removing.id }}
          what={kind}
          name={removing.name}
          toast={() => `Removed ${kind} ${removing.name}.`}
          onClose={() => setRemoving(undefined)}
        >
          <p>
            {removing.usedBy.length
              ? `It is used by ${removing.usedBy.join(', ')}: the engine refuses until those services drop it.`
              : 'No service uses it.'}
          </p>
        </RemoveObjectDialog>
      )}
    </section>
  );
}

function CreateFileDialog(props: { hostId: string; kind: Kind; onClose(): void; onCreated(): void }) {
  const { hostId, kind } = props;
  const ids = { name: useId(), value: useId(), file: useId() };
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string; size: number }>();
  const create = useSwarmMutation(METHODS[kind].create, hostId, {
    toast: () => `Created ${kind} ${name.trim()}.`,
    holdBusyOnSuccess: true,
  });
  const { busy, error } = create;
  const tooBig = (file?.size ?? new TextEncoder().encode(text).length) > MAX_SWARM_FILE_BYTES;

  const pick = async (f: File | undefined) => {
    if (!f) return setFile(undefined);
    const bytes = new Uint8Array(await f.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    setFile({ name: f.name, base64: btoa(binary), size: bytes.length });
  };
  const submit = async () => {
    const outcome = await create.run({
      hostId,
      name: name.trim(),
      ...(file
        ? { data: file.base64, encoding: 'base64' as const }
        : { data: text, encoding: 'text' as const }),
    });
    if (outcome.ok) props.onCreated();
  };
  return (
    <Dialog
      title={`Create ${kind}`}
      onClose={props.onClose}
      footer={
        <DialogActions
          onCancel={props.onClose}
          submitLabel={`Create ${kind}`}
          busy={busy}
          disabled={!name.trim() || (!file && !text) || tooBig}
          onSubmit={() => void submit()}
        />
      }
    >
      {error && <ErrorBanner error={error} title={`Could not create the ${kind}`} />}
      <div className="swarm-form">
        <LabeledField id={ids.name} label="Name">
          <input id={ids.name} className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </LabeledField>
        <LabeledField id={ids.value} label="Value">
          <textarea
            id={ids.value}
            className="textarea mono"
            rows={4}
            value={text}
            disabled={file !== undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </LabeledField>
        <LabeledField id={ids.file} label="…or from a file">
          <input id={ids.file} type="file" onChange={(e) => void pick(e.target.files?.[0])} />
        </LabeledField>
        <p className={tooBig ? 'field-error' : 'field-hint'}>
          {tooBig
            ? 'Too large: the engine keeps at most 500 KB.'
            : kind === 'secret'
              ? 'The value is sent once to the swarm and never shown again, not even here.'
              : 'Configs are stored unencrypted in the swarm; use a secret for anything sensitive.'}
        </p>
      </div>
    </Dialog>
  );
}
