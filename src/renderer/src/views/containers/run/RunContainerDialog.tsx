import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CheckboxField } from '../../../components/ui/CheckboxField';
import {
  RESTART_POLICIES,
  type AppErrorShape,
  type ContainerFormOptions,
  type HostView,
  type RestartPolicyName,
} from '@shared/contract';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { useMutation } from '../../../hooks/useMutation';
import { useQuery } from '../../../hooks/useQuery';
import { useContainersStore, type RunDialogTarget } from '../../../stores/containers';
import { useDetailsStore } from '../../../stores/details';
import { TextField } from '../../../components/ui/Field';
import { LabeledField } from '../../../components/ui/LabeledField';
import { CopyAsMenu } from '../../../components/api/CopyAsMenu';
import { runFormCopy } from '@shared/apilog/form-copy';
import { KeyValueRows } from './KeyValueRows';
import { MountRows } from './MountRows';
import { PortRows } from './PortRows';
import {
  emptyForm,
  fieldOfEngineError,
  formToSpec,
  specToForm,
  type FieldErrors,
  type RunForm,
} from '../../../lib/forms/run-form';

const RESTART_LABELS: Record<RestartPolicyName, string> = {
  no: 'No (default)',
  always: 'Always',
  'unless-stopped': 'Unless stopped',
  'on-failure': 'On failure',
};

export interface RunContainerDialogProps {
  host: HostView;
  target: RunDialogTarget;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="run-section" aria-label={title}>
      <h3 className="run-section-title">{title}</h3>
      {children}
    </section>
  );
}

const NO_OPTIONS: ContainerFormOptions = { images: [], networks: [], volumes: [] };

/**
 * "Run container" and "Edit and recreate": every field is checked before anything is sent, with the
 * message next to the field; engine errors (a name in use, a missing image) show above the form
 * and next to their field, and what was typed stays.
 */
export function RunContainerDialog({ host, target }: RunContainerDialogProps) {
  const uid = useId();
  const recreate = target.mode === 'recreate' ? target : undefined;
  const [form, setForm] = useState<RunForm>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [engineError, setEngineError] = useState<AppErrorShape>();
  const errorRef = useRef<HTMLDivElement>(null);
  /** Bumped when a submit found problems: focus the first field with a message once it rendered. */
  const [focusTick, setFocusTick] = useState(0);
  const close = useContainersStore((s) => s.closeRun);
  const hostId = host.id;

  const idOf = (key: string) => `${uid}-${key.replace(/\./g, '-')}`;

  // Suggestions only: the form works without them.
  const options = useQuery('containers.formOptions', { hostId }).result ?? NO_OPTIONS;
  const spec = useQuery('containers.runSpec', recreate ? { hostId, id: recreate.id } : undefined);
  const [filled, setFilled] = useState(recreate === undefined);
  useEffect(() => {
    if (!spec.result || !recreate) return;
    setForm(specToForm(spec.result, recreate.running));
    setFilled(true);
    // Filled once per opening, from the spec read when it opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spec.result]);
  const loadError = spec.error;
  const loading = !filled && !loadError;

  const created = (result: { id: string; name: string; warnings: string[] }) => {
    if (recreate) {
      const details = useDetailsStore.getState();
      if (details.target?.containerId === recreate.id) {
        details.retarget({ hostId, containerId: result.id, name: result.name });
        void details.load();
      }
    }
    close();
  };
  const mutation = {
    toast: (result: { name: string; warnings: string[] }) =>
      `${recreate ? 'Recreated' : form.start ? 'Started' : 'Created'} ${result.name}${result.warnings.length ? ` (${result.warnings.join('; ')})` : ''}`,
    refetch: () => void useContainersStore.getState().fetch(hostId),
    holdBusyOnSuccess: true,
  };
  const createCall = useMutation('containers.create', mutation);
  const recreateCall = useMutation('containers.recreate', mutation);
  const submitting = createCall.busy || recreateCall.busy;

  useEffect(() => {
    if (focusTick === 0) return;
    // The first field with a message, in the order of the form.
    const form = document.getElementById(`${uid}-form`);
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick, uid]);

  // An engine refusal is shown above the form: bring it into view.
  useEffect(() => {
    if (engineError) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [engineError]);

  const update = <K extends keyof RunForm>(key: K, value: RunForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const check = (key: 'start' | 'tty' | 'interactive' | 'autoRemove') => ({
    id: idOf(key),
    checked: form[key],
    onChange: (v: boolean) => update(key, v),
  });
  const list = <K extends 'ports' | 'mounts' | 'env' | 'labels'>(key: K) => ({
    rows: form[key],
    errors,
    idOf,
    onChange: (rows: RunForm[K]) => update(key, rows),
  });
  const text = (key: keyof RunForm & string) => ({
    id: idOf(key),
    value: form[key] as string,
    error: errors[key],
    onChange: (v: string) => update(key, v as never),
  });

  const submit = async () => {
    const { spec, errors: found } = formToSpec(form);
    setErrors(found);
    setEngineError(undefined);
    if (!spec) {
      setFocusTick((n) => n + 1);
      return;
    }
    const outcome = recreate
      ? await recreateCall.run({ hostId, id: recreate.id, spec, start: form.start })
      : await createCall.run({ hostId, spec, start: form.start });
    if (outcome.ok) return created(outcome.value);
    setEngineError(outcome.error);
    const field = fieldOfEngineError(outcome.error.code, outcome.error.message);
    if (field) setErrors({ [field]: outcome.error.message });
  };

  const title = recreate ? `Edit and recreate ${recreate.name}` : 'Run container';
  const submitLabel = recreate ? 'Recreate' : form.start ? 'Run' : 'Create';
  const imageList = `${uid}-images`;

  return (
    <Dialog
      title={title}
      onClose={close}
      size="large"
      className="run-dialog"
      footer={
        <>
          <CheckboxField {...check('start')} label="Start after create" className="checkbox-row run-start" />
          <span className="header-spacer" />
          <CopyAsMenu
            hostId={hostId}
            build={() => {
              const { spec } = formToSpec(form);
              return spec && runFormCopy(spec, form.start);
            }}
          />
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${uid}-form`}
            className="button button-primary"
            disabled={submitting || loading || loadError !== undefined}
            aria-busy={submitting || undefined}
          >
            {submitting && <span className="spinner" aria-hidden="true" />}
            {submitLabel}
          </button>
        </>
      }
    >
      {loading ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Reading the container's configuration…
        </p>
      ) : loadError ? (
        <ErrorBanner error={loadError} title="Couldn't read the container's configuration" />
      ) : (
        <form
          id={`${uid}-form`}
          className="run-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {recreate && (
            <p className="callout callout-info">
              The current container is renamed and stopped, not deleted, until the new one runs; if anything
              fails it is put back as it was.
            </p>
          )}
          <div ref={errorRef} className="run-error">
            {engineError && (
              <ErrorBanner
                error={engineError}
                title={recreate ? "Couldn't recreate" : "Couldn't run the container"}
              />
            )}
          </div>
          <datalist id={imageList}>
            {options.images.map((i) => (
              <option key={i} value={i} />
            ))}
          </datalist>
          <Section title="Image and command">
            <div className="run-grid">
              <div className="field">
                <label htmlFor={idOf('image')} className="field-label">
                  Image
                </label>
                <input
                  id={idOf('image')}
                  className="input mono"
                  list={imageList}
                  placeholder="e.g. nginx:1.27"
                  value={form.image}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={errors.image ? true : undefined}
                  aria-describedby={errors.image ? `${idOf('image')}-error` : undefined}
                  onChange={(e) => update('image', e.target.value)}
                />
                {errors.image && (
                  <p id={`${idOf('image')}-error`} className="field-error">
                    {errors.image}
                  </p>
                )}
              </div>
              <TextField label="Name" placeholder="random if empty" mono {...text('name')} />
            </div>
            <div className="run-grid">
              <TextField
                label="Command"
                placeholder="the image's CMD"
                hint={`Quotes group words: sh -c "echo hi"`}
                mono
                {...text('command')}
              />
              <TextField
                label="Entrypoint"
                placeholder="the image's ENTRYPOINT"
                mono
                {...text('entrypoint')}
              />
            </div>
          </Section>
          <Section title="Networking">
            <PortRows {...list('ports')} />
            <div className="run-grid">
              <LabeledField id={idOf('network')} label="Network" error={errors.network}>
                <select
                  id={idOf('network')}
                  className="input"
                  value={form.network}
                  aria-invalid={errors.network ? true : undefined}
                  onChange={(e) => update('network', e.target.value)}
                >
                  <option value="">Default (bridge)</option>
                  {[
                    ...new Set([
                      ...options.networks.filter((n) => n !== 'bridge'),
                      ...(form.network ? [form.network] : []),
                    ]),
                  ].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </LabeledField>
              <div className="field-row">
                <LabeledField id={idOf('restart')} label="Restart policy" className="grow">
                  <select
                    id={idOf('restart')}
                    className="input"
                    value={form.restart}
                    onChange={(e) => update('restart', e.target.value as RestartPolicyName)}
                  >
                    {RESTART_POLICIES.map((r) => (
                      <option key={r} value={r}>
                        {RESTART_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </LabeledField>
                {form.restart === 'on-failure' && (
                  <TextField
                    label="Max retries"
                    placeholder="unlimited"
                    inputMode="numeric"
                    className="port-field"
                    {...text('maxRetries')}
                  />
                )}
              </div>
            </div>
          </Section>
          <Section title="Storage">
            <MountRows {...list('mounts')} volumes={options.volumes} />
          </Section>
          <Section title="Environment">
            <KeyValueRows field="env" {...list('env')} />
          </Section>
          <Section title="Resources and process">
            <div className="run-grid run-grid-4">
              <TextField label="Memory limit" placeholder="e.g. 512m" mono {...text('memory')} />
              <TextField label="CPUs" placeholder="e.g. 1.5" inputMode="numeric" mono {...text('cpus')} />
              <TextField label="Working directory" placeholder="/app" mono {...text('workingDir')} />
              <TextField label="User" placeholder="uid:gid or name" mono {...text('user')} />
            </div>
            <div className="run-checks">
              <CheckboxField {...check('tty')} label="Allocate a TTY (-t)" />
              <CheckboxField {...check('interactive')} label="Keep STDIN open (-i)" />
              <CheckboxField
                {...check('autoRemove')}
                label="Remove when it exits (--rm)"
                invalid={!!errors.autoRemove}
              />
            </div>
            {errors.autoRemove && (
              <p id={`${idOf('autoRemove')}-error`} className="field-error">
                {errors.autoRemove}
              </p>
            )}
          </Section>
          <Section title="Labels and metadata">
            <KeyValueRows field="labels" {...list('labels')} />
          </Section>
        </form>
      )}
    </Dialog>
  );
}
