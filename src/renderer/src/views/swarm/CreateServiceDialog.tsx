import { useId, useState, type ReactNode } from 'react';
import { serviceSpecSchema } from '@shared/contract';
import { LabeledField } from '../../components/ui/LabeledField';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useSwarmMutation } from '../../hooks/useSwarm';
import { EMPTY_FORM, formProblems, toSpecInput, type ServiceForm } from '../../lib/forms/service-form';

type Key = keyof ServiceForm;

/** The service create form: every part of a ServiceSpec the issue lists, validated as you go. */
export function CreateServiceDialog(props: { hostId: string; onClose(): void; onCreated(): void }) {
  const { hostId, onClose, onCreated } = props;
  const [form, setForm] = useState<ServiceForm>(EMPTY_FORM);
  const [touched, setTouched] = useState(false);
  const create = useSwarmMutation('swarm.serviceCreate', hostId, {
    toast: () => `Created service ${form.name.trim()}.`,
    holdBusyOnSuccess: true,
  });
  const { busy, error } = create;
  const baseId = useId();
  const problems = formProblems(form);
  const set = (k: Key, v: string) => setForm((f) => ({ ...f, [k]: v }));

  const field = (
    k: Key,
    label: string,
    opts: { hint?: string; area?: boolean; mono?: boolean } = {},
  ): ReactNode => {
    const id = `${baseId}-${k}`;
    const problem = touched ? problems[k] : undefined;
    const common = {
      id,
      value: form[k],
      'aria-invalid': problem ? true : undefined,
      className: `${opts.area ? 'textarea' : 'input'}${opts.mono ? ' mono' : ''}`,
    };
    return (
      <LabeledField id={id} label={label} error={problem} hint={opts.hint}>
        {opts.area ? (
          <textarea {...common} rows={2} onChange={(e) => set(k, e.target.value)} />
        ) : (
          <input {...common} onChange={(e) => set(k, e.target.value)} />
        )}
      </LabeledField>
    );
  };
  const select = (k: Key, label: string, options: string[]) => {
    const id = `${baseId}-${k}`;
    return (
      <LabeledField id={id} label={label}>
        <select id={id} className="input" value={form[k]} onChange={(e) => set(k, e.target.value)}>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </LabeledField>
    );
  };

  const submit = async () => {
    setTouched(true);
    const parsed = serviceSpecSchema.safeParse(toSpecInput(form));
    if (!parsed.success) return;
    if ((await create.run({ hostId, spec: toSpecInput(form) })).ok) onCreated();
  };

  return (
    <Dialog
      title="Create service"
      onClose={onClose}
      size="large"
      footer={
        <DialogActions
          onCancel={onClose}
          submitLabel="Create service"
          busy={busy}
          busyLabel="Creating…"
          onSubmit={() => void submit()}
        />
      }
    >
      {error && <ErrorBanner error={error} title="Could not create the service" />}
      <div className="swarm-form swarm-form-grid">
        {field('name', 'Name')}
        {field('image', 'Image', {
          mono: true,
          hint: 'Must exist on the nodes or in a registry they reach.',
        })}
        {field('command', 'Command', {
          mono: true,
          hint: 'Optional; quotes group words, e.g. sh -c "echo hi"',
        })}
        {select('mode', 'Mode', ['replicated', 'global'])}
        {form.mode === 'replicated' && field('replicas', 'Replicas')}
        {field('ports', 'Published ports', {
          area: true,
          mono: true,
          hint: '8080:80, 53:53/udp, 8443:443 host',
        })}
        {field('env', 'Environment', { area: true, mono: true, hint: 'KEY=value, one per line' })}
        {field('mounts', 'Mounts', {
          area: true,
          mono: true,
          hint: 'volume:data:/data, bind:/srv:/srv:ro, tmpfs::/tmp',
        })}
        {field('networks', 'Networks', { hint: 'Overlay network names, comma separated' })}
        {field('constraints', 'Placement constraints', {
          area: true,
          mono: true,
          hint: 'node.role==manager',
        })}
        {field('preferences', 'Spread over', { hint: 'node.labels.zone' })}
        {field('secrets', 'Secrets', { hint: 'name or name:file, comma separated' })}
        {field('configs', 'Configs', { hint: 'name or name:/path, comma separated' })}
        {field('cpuLimit', 'CPU limit (cores)')}
        {field('memoryLimitMb', 'Memory limit (MiB)')}
        {select('restart', 'Restart', ['any', 'on-failure', 'none'])}
        {field('parallelism', 'Update parallelism', { hint: '0 = all at once' })}
        {field('monitorSeconds', 'Update monitor (s)')}
        {select('failureAction', 'On update failure', ['pause', 'continue', 'rollback'])}
        {select('order', 'Update order', ['stop-first', 'start-first'])}
      </div>
    </Dialog>
  );
}
