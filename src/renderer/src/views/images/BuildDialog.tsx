import type { HostView } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { describedBy, FieldError, FieldHint, TextField } from '../../components/ui/Field';
import { TaskLiveDialog } from '../../components/tasks/TaskLive';
import { CheckboxField } from '../../components/ui/CheckboxField';
import { EMPTY_BUILD_FORM, parseBuildArgs, splitTags, validateBuildForm } from '../../lib/forms/build-form';
import { useFormFields } from '../../hooks/useFormFields';
import { useTaskCall } from '../../hooks/useTaskCall';
import { CopyAsMenu } from '../../components/api/CopyAsMenu';
import { buildFormCopy } from '@shared/apilog/form-copy';

/** In browser mode the page may run on another computer than the backend that reads the folder. */
const BROWSER_MODE = typeof window !== 'undefined' && !window.berthmaster;

/** Build from a folder: the backend packs it (honouring .dockerignore) and streams it to the engine. */
export function BuildDialog({ host, onClose }: { host: HostView; onClose(): void }) {
  const { taskId, busy, error, start } = useTaskCall('images.build');
  const form = useFormFields(EMPTY_BUILD_FORM, validateBuildForm, {
    contextPath: { required: true, mono: true },
    dockerfile: { required: true, mono: true },
    target: { mono: true },
    tags: { mono: true },
  });
  const { id, values, field, box } = form;
  const request = {
    contextPath: values.contextPath.trim(),
    dockerfile: values.dockerfile.trim(),
    tags: splitTags(values.tags),
    buildArgs: parseBuildArgs(values.buildArgs).args,
    target: values.target.trim(),
    noCache: values.noCache,
    pull: values.pull,
  };
  const send = () => {
    const { target, ...rest } = request;
    void start({ hostId: host.id, ...rest, ...(target ? { target } : {}) });
  };

  if (taskId) {
    const tags = splitTags(values.tags);
    return (
      <TaskLiveDialog
        taskId={taskId}
        output
        title={`Building ${tags[0] ?? values.contextPath}`}
        verb="build"
        size="large"
        where={`On ${host.name}.`}
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
          form={form.formId}
          busy={busy}
          leading={
            <CopyAsMenu hostId={host.id} build={() => (form.invalid ? undefined : buildFormCopy(request))} />
          }
        />
      }
    >
      <form {...form.formProps(send)} className="build-form">
        {BROWSER_MODE && (
          <p className="callout callout-info">
            Berthmaster runs in your browser here: the folder is read by the Berthmaster backend, so type a
            path on <strong>the machine running Berthmaster</strong>, not on this computer.
          </p>
        )}
        <TextField
          {...field('contextPath')}
          label="Context folder"
          placeholder="/home/me/projects/app"
          hint="An absolute path. Everything in it is sent to the engine, except what .dockerignore excludes."
        />
        <div className="field-row">
          <TextField
            {...field('dockerfile')}
            label="Dockerfile"
            className="grow"
            hint="Relative to the context folder."
          />
          <TextField
            {...field('target')}
            label="Target stage"
            hint="Stop at this stage of a multi-stage build."
          />
        </div>
        <TextField
          {...field('tags')}
          label="Tags"
          placeholder="app:1.0 127.0.0.1:5000/team/app:1.0"
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
            value={values.buildArgs}
            placeholder={'VERSION=1.0\nHTTP_PROXY=http://proxy:3128'}
            spellCheck={false}
            aria-invalid={form.shown('buildArgs') ? true : undefined}
            aria-describedby={describedBy(argsId, true, Boolean(form.shown('buildArgs')))}
            onChange={(e) => form.set('buildArgs', e.target.value)}
          />
          <FieldHint id={argsId}>One KEY=value per line.</FieldHint>
          <FieldError id={argsId} error={form.shown('buildArgs')} />
        </div>
        <CheckboxField {...box('noCache')} label="No cache (run every step again)" />
        <CheckboxField {...box('pull')} label="Always pull the base images" />
      </form>
      {error && <ErrorBanner error={error} title="Couldn't start the build" />}
    </Dialog>
  );
}
