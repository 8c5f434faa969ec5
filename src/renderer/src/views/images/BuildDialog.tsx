import { useId, useState, type FormEvent } from 'react';
import type { HostView } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { describedBy, FieldError, FieldHint, TextField } from '../../components/ui/Field';
import { TaskLiveDialog } from '../../components/tasks/TaskLive';
import {
  EMPTY_BUILD_FORM,
  parseBuildArgs,
  splitTags,
  validateBuildForm,
  type BuildFormState,
} from '../../lib/forms/build-form';
import { useTaskCall } from '../../hooks/useTaskCall';
import { CopyAsMenu } from '../../components/api/CopyAsMenu';
import { buildFormCopy } from '@shared/apilog/form-copy';

/** In browser mode the page may run on another computer than the backend that reads the folder. */
const BROWSER_MODE = typeof window !== 'undefined' && !window.berthmaster;

/** Build from a folder: the backend packs it (honouring .dockerignore) and streams it to the engine. */
export function BuildDialog({ host, onClose }: { host: HostView; onClose(): void }) {
  const [form, setForm] = useState<BuildFormState>(EMPTY_BUILD_FORM);
  const [showErrors, setShowErrors] = useState(false);
  const { taskId, busy, error, start } = useTaskCall('images.build');
  const id = useId();
  const formId = `${id}-form`;
  const errors = validateBuildForm(form);
  const shown = showErrors ? errors : {};
  const set = <K extends keyof BuildFormState>(k: K, v: BuildFormState[K]) =>
    setForm((f) => ({ ...f, [k]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length) return;
    const target = form.target.trim();
    void start({
      hostId: host.id,
      contextPath: form.contextPath.trim(),
      dockerfile: form.dockerfile.trim(),
      tags: splitTags(form.tags),
      buildArgs: parseBuildArgs(form.buildArgs).args,
      ...(target ? { target } : {}),
      noCache: form.noCache,
      pull: form.pull,
    });
  };

  if (taskId) {
    const tags = splitTags(form.tags);
    return (
      <TaskLiveDialog
        taskId={taskId}
        output
        title={`Building ${tags[0] ?? form.contextPath}`}
        verb="build"
        size="large"
        lead={<>On {host.name}. Closing this keeps the build running: follow it in Tasks.</>}
        onClose={onClose}
      />
    );
  }

  const argsId = `${id}-args`;
  return (
    <Dialog
      title={`Build an image on ${host.name}`}
      onClose={onClose}
      size="large"
      footer={
        <DialogActions
          submitLabel="Build"
          onCancel={onClose}
          form={formId}
          busy={busy}
          leading={
            <CopyAsMenu
              hostId={host.id}
              build={() =>
                Object.keys(errors).length
                  ? undefined
                  : buildFormCopy({
                      contextPath: form.contextPath.trim(),
                      dockerfile: form.dockerfile.trim(),
                      tags: splitTags(form.tags),
                      buildArgs: parseBuildArgs(form.buildArgs).args,
                      target: form.target.trim(),
                      noCache: form.noCache,
                      pull: form.pull,
                    })
              }
            />
          }
        />
      }
    >
      <form id={formId} className="build-form" onSubmit={submit} noValidate>
        {BROWSER_MODE && (
          <p className="callout callout-info">
            Berthmaster runs in your browser here: the folder is read by the Berthmaster backend, so type a
            path on <strong>the machine running Berthmaster</strong>, not on this computer.
          </p>
        )}
        <TextField
          id={`${id}-ctx`}
          label="Context folder"
          value={form.contextPath}
          onChange={(v) => set('contextPath', v)}
          placeholder="/home/me/projects/app"
          required
          mono
          error={shown.contextPath}
          hint="An absolute path. Everything in it is sent to the engine, except what .dockerignore excludes."
        />
        <div className="field-row">
          <TextField
            id={`${id}-df`}
            label="Dockerfile"
            value={form.dockerfile}
            onChange={(v) => set('dockerfile', v)}
            required
            mono
            className="grow"
            error={shown.dockerfile}
            hint="Relative to the context folder."
          />
          <TextField
            id={`${id}-target`}
            label="Target stage"
            value={form.target}
            onChange={(v) => set('target', v)}
            mono
            error={shown.target}
            hint="Stop at this stage of a multi-stage build."
          />
        </div>
        <TextField
          id={`${id}-tags`}
          label="Tags"
          value={form.tags}
          onChange={(v) => set('tags', v)}
          placeholder="app:1.0 127.0.0.1:5000/team/app:1.0"
          mono
          error={shown.tags}
          hint="Separated by spaces or commas."
        />
        <div className="field">
          <label htmlFor={argsId} className="field-label">
            Build arguments <span className="optional">(optional)</span>
          </label>
          <textarea
            id={argsId}
            className="input textarea mono"
            rows={3}
            value={form.buildArgs}
            placeholder={'VERSION=1.0\nHTTP_PROXY=http://proxy:3128'}
            spellCheck={false}
            aria-invalid={shown.buildArgs ? true : undefined}
            aria-describedby={describedBy(argsId, true, Boolean(shown.buildArgs))}
            onChange={(e) => set('buildArgs', e.target.value)}
          />
          <FieldHint id={argsId}>One KEY=value per line.</FieldHint>
          <FieldError id={argsId} error={shown.buildArgs} />
        </div>
        <div className="checkbox-row">
          <input
            id={`${id}-nocache`}
            type="checkbox"
            checked={form.noCache}
            onChange={(e) => set('noCache', e.target.checked)}
          />
          <label htmlFor={`${id}-nocache`}>No cache (run every step again)</label>
        </div>
        <div className="checkbox-row">
          <input
            id={`${id}-pull`}
            type="checkbox"
            checked={form.pull}
            onChange={(e) => set('pull', e.target.checked)}
          />
          <label htmlFor={`${id}-pull`}>Always pull the base images</label>
        </div>
      </form>
      {error && <ErrorBanner error={error} title="Couldn't start the build" />}
    </Dialog>
  );
}
