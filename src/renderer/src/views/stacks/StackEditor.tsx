import { useMemo, useState } from 'react';
import type { HostView } from '@shared/contract';
import { ErrorBannerRow } from '../../components/ui/ErrorBannerRow';
import { useMutation } from '../../hooks/useMutation';
import { usePolicy } from '../../hooks/usePolicy';
import { useStackValidate } from '../../hooks/useStackValidate';
import { guard } from '../../lib/policy';
import { useStacksStore } from '../../stores/stacks';
import { CodeEditor } from './LazyCodeEditor';
import { DeployDialog } from './DeployDialog';
import { LoadReport } from './LoadReport';

export interface StackEditorProps {
  host: HostView;
  /** Undefined: a new stack (the name is asked for). */
  project?: string | undefined;
  initial: { composeYaml: string; envText: string };
  /** Save through stacks.adopt (a found project) instead of stacks.save. */
  adopting?: boolean;
  notes?: string[];
  onBack(): void;
}

const NAME_RE = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** The compose file and .env of a stack, validated as you type, saved or planned and deployed. */
export function StackEditor({ host, project, initial, adopting, notes, onBack }: StackEditorProps) {
  const can = usePolicy(host.id);
  const [name, setName] = useState(project ?? '');
  const [composeYaml, setComposeYaml] = useState(initial.composeYaml);
  const [envText, setEnvText] = useState(initial.envText);
  const [deploying, setDeploying] = useState(false);
  // The name this editor has itself saved or deployed: that stack is no clash (seen in the swarm e2e).
  const [written, setWritten] = useState<string>();
  const validation = useStackValidate(name, composeYaml, envText);
  const refetch = () => useStacksStore.getState().fetch(host.id);
  const save = useMutation(adopting ? 'stacks.adopt' : 'stacks.save', {
    toast: () => (adopting ? `Adopted stack ${name}.` : `Saved stack ${name}.`),
    refetch,
  });
  const files = useMemo(() => ({ composeYaml, envText }), [composeYaml, envText]);
  const nameOk = NAME_RE.test(name);
  const clash = useStacksStore((st) =>
    project || name === written ? undefined : st.byHost[host.id]?.items.find((i) => i.name === name),
  );
  const result = validation.result;
  const errorCount = result?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;

  const onSave = async () => {
    const out = await save.run({ hostId: host.id, project: name, composeYaml, envText, profiles: [] });
    if (out.ok) setWritten(name);
    if (out.ok && adopting) onBack();
  };

  return (
    <section className="resource-view stack-editor" aria-label={`Stack editor on ${host.name}`}>
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>
          ← Stacks
        </button>
        <h2 className="toolbar-title">
          {adopting ? `Adopt ${name}` : project ? `Edit ${project}` : 'New stack'}
        </h2>
        {!project && (
          <label className="field-inline">
            Project name{' '}
            <input
              className="input mono"
              value={name}
              placeholder="my-app"
              aria-invalid={name !== '' && !nameOk}
              onChange={(e) => setName(e.target.value)}
              spellCheck={false}
            />
          </label>
        )}
        <span className="header-spacer" />
        <span className="toolbar-count" role="status" aria-live="polite">
          {validation.pending
            ? 'Checking…'
            : errorCount > 0
              ? `${errorCount} error${errorCount === 1 ? '' : 's'}`
              : result
                ? 'Valid'
                : ''}
        </span>
        <button
          type="button"
          className="button"
          disabled={!nameOk || save.busy}
          onClick={() => void onSave()}
          {...guard(can.allowed(adopting ? 'stacks.adopt' : 'stacks.save'))}
        >
          {adopting ? 'Adopt' : 'Save'}
        </button>
        {!adopting && (
          <button
            type="button"
            className="button button-primary"
            disabled={!nameOk || errorCount > 0 || validation.pending}
            onClick={() => setDeploying(true)}
            {...guard(can.allowed('stacks.up'))}
          >
            Plan & deploy…
          </button>
        )}
      </div>
      {!nameOk && name !== '' && (
        <p className="field-error">A project name is lower-case letters, digits, “-” and “_”.</p>
      )}
      {clash && (
        <p className="field-error" role="alert">
          {host.name} already has a stack named {name}
          {clash.stored ? '; saving replaces its file' : ' (made outside the app); deploying takes it over'}.
        </p>
      )}
      <ErrorBannerRow error={save.error} title="Couldn't save" />
      <ErrorBannerRow error={validation.error} title="Couldn't validate" />
      {notes && notes.length > 0 && (
        <div className="stack-notes" role="note">
          <strong>Rebuilt from the containers; review before adopting:</strong>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="stack-editor-body">
        <div className="stack-editor-files">
          <h3 className="stack-subtitle">compose.yaml</h3>
          <CodeEditor
            label="Compose file"
            value={composeYaml}
            onChange={setComposeYaml}
            yamlMode
            diagnostics={result?.diagnostics}
          />
          <h3 className="stack-subtitle">.env</h3>
          <div className="stack-env-editor">
            <CodeEditor label="Environment file" value={envText} onChange={setEnvText} />
          </div>
        </div>
        <LoadReport result={result} />
      </div>
      {deploying && nameOk && (
        <DeployDialog
          hostId={host.id}
          hostName={host.name}
          project={name}
          files={files}
          onClose={() => setDeploying(false)}
          onStarted={() => {
            setWritten(name);
            void refetch();
          }}
        />
      )}
    </section>
  );
}
