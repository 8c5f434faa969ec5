import { useEffect, useId, useRef, useState } from 'react';
import type { AppErrorShape, EngineInfo, HostView } from '@shared/contract';
import { DialogActions } from '../../components/ui/DialogActions';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { HostKeyPrompt } from '../../components/HostKeyPrompt';
import { toErrorShape } from '../../lib/errors';
import { hostKeyFromError } from '../../lib/host-key';
import { certificateFromError } from '../../lib/tls-certificate';
import { useHostsStore } from '../../stores/hosts';
import { CertificatePrompt } from './CertificatePrompt';
import { ColorPicker } from './ColorPicker';
import { FoundEngines } from '../../components/FoundEngines';
import { TextField } from '../../components/ui/Field';
import {
  bindField,
  buildEndpoint,
  emptyForm,
  ENDPOINT_FIELDS,
  FIELD_ORDER,
  formFromHost,
  secretsOf,
  validateIdentity,
  type FieldErrors,
  parseLabels,
  parseBindPaths,
  type FieldName,
  type FormState,
} from '../../lib/forms/host-form';
import { KindFields } from './KindFields';
import { KindPicker } from './KindPicker';
import { SafetyFields } from './SafetyFields';
import { TestResult } from './TestResult';

type Outcome =
  { kind: 'tested'; info: EngineInfo } | { kind: 'error'; during: 'test' | 'save'; error: AppErrorShape };

export interface HostFormDialogProps {
  /** The host to edit; absent to add one. */
  host?: HostView | undefined;
  onClose(): void;
}

/** Add or edit a host: name, colour, connection kind and its fields; Test connection; Save. */
export function HostFormDialog({ host, onClose }: HostFormDialogProps) {
  const editing = host !== undefined;
  const existingColors = useHostsStore((s) => s.hosts.map((h) => h.color).join(','));
  const addHost = useHostsStore((s) => s.add);
  const updateHost = useHostsStore((s) => s.update);
  const testHost = useHostsStore((s) => s.test);
  const prefix = useId().replace(/:/g, '');
  const formId = `${prefix}-form`;

  const [form, setForm] = useState<FormState>(() =>
    host ? formFromHost(host) : emptyForm(existingColors ? existingColors.split(',') : []),
  );
  const [showErrors, setShowErrors] = useState(false);
  const [pending, setPending] = useState<'test' | 'save'>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [keyDismissed, setKeyDismissed] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const stored = secretsOf(host);

  useEffect(() => () => abortRef.current?.abort(), []);

  // The result of a test or save is below the fields: bring it into view when it arrives.
  useEffect(() => {
    if (outcome) outcomeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  const identityErrors = validateIdentity(form);
  const built = buildEndpoint(form, stored);
  const allErrors: FieldErrors = { ...identityErrors, ...built.errors };
  const errors: FieldErrors = showErrors ? allErrors : {};

  function set<K extends FieldName>(field: K, value: FormState[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    if (ENDPOINT_FIELDS.includes(field)) {
      setOutcome((o) => (o?.kind === 'tested' || o?.during === 'test' ? undefined : o));
    }
  }

  const focusFirstInvalid = (errs: FieldErrors) => {
    const first = FIELD_ORDER.find((f) => errs[f]);
    if (!first) return;
    const el = document.getElementById(`${prefix}-${first}`);
    const target = el?.matches('input, textarea, select') ? el : el?.querySelector<HTMLElement>('input');
    target?.focus();
  };

  /** Tests what the form holds, or `next` (the form just changed, e.g. a certificate was trusted). */
  const runTest = async (next?: FormState) => {
    setShowErrors(true);
    const target = next ? buildEndpoint(next, stored) : built;
    if (!target.endpoint) {
      focusFirstInvalid(target.errors);
      return;
    }
    abortRef.current?.abort();
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    setPending('test');
    setOutcome(undefined);
    setKeyDismissed(false);
    try {
      const endpoint = target.endpoint;
      const info = await testHost(host ? { endpoint, id: host.id } : { endpoint }, ctrl.signal);
      if (ctrl.signal.aborted) return;
      setOutcome({ kind: 'tested', info });
    } catch (e) {
      if (ctrl.signal.aborted) return;
      setOutcome({ kind: 'error', during: 'test', error: toErrorShape(e) });
    } finally {
      if (abortRef.current === ctrl) {
        abortRef.current = null;
        setPending(undefined);
      }
    }
  };

  const save = async () => {
    setShowErrors(true);
    if (Object.keys(allErrors).length > 0 || !built.endpoint) {
      focusFirstInvalid(allErrors);
      return;
    }
    abortRef.current?.abort();
    setPending('save');
    setKeyDismissed(false);
    try {
      const name = form.name.trim();
      const safety = {
        policy: form.policy,
        production: form.production,
        labels: parseLabels(form.labels).labels,
        allowedBindPaths: parseBindPaths(form.allowedBindPaths).paths,
      };
      if (host)
        await updateHost({ id: host.id, name, color: form.color, endpoint: built.endpoint, ...safety });
      else await addHost({ name, color: form.color, endpoint: built.endpoint, ...safety });
      setPending(undefined);
      onClose();
    } catch (e) {
      setPending(undefined);
      setOutcome({ kind: 'error', during: 'save', error: toErrorShape(e) });
    }
  };

  const cancel = () => {
    abortRef.current?.abort();
    onClose();
  };

  const error = outcome?.kind === 'error' ? outcome.error : undefined;
  const hostKey = hostKeyFromError(error);
  const certificate =
    outcome?.kind === 'error' && outcome.during === 'test' ? certificateFromError(error) : undefined;

  /** "Trust this certificate": pin its fingerprint in the form and test again; saved with the host. */
  const trustCertificate = (fingerprint: string) => {
    const next: FormState = { ...form, tlsTrust: 'pin', pin: fingerprint };
    setForm(next);
    void runTest(next);
  };

  return (
    <Dialog
      title={editing ? 'Edit host' : 'Add host'}
      onClose={cancel}
      size="large"
      className="host-form-dialog"
      footer={
        <DialogActions
          leading={
            <>
              <button
                type="button"
                className="button"
                onClick={() => void runTest()}
                disabled={pending !== undefined}
                aria-busy={pending === 'test' || undefined}
              >
                {pending === 'test' && <span className="spinner" aria-hidden="true" />}
                Test connection
              </button>
              {pending === 'test' && (
                <span className="footer-status" role="status">
                  Testing…
                </span>
              )}
              <span className="header-spacer" />
            </>
          }
          onCancel={cancel}
          form={formId}
          submitLabel="Save"
          busy={pending === 'save'}
          disabled={pending !== undefined}
        />
      }
    >
      {!editing && <FoundEngines onAdded={onClose} />}
      <form
        id={formId}
        className="host-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field-row">
          <TextField
            {...bindField({ idPrefix: prefix, form, set, errors }, 'name')}
            label="Name"
            placeholder="e.g. build-server"
            required
            className="grow"
          />
        </div>
        <ColorPicker
          id={`${prefix}-color`}
          value={form.color}
          onChange={(v) => set('color', v)}
          error={errors.color}
        />
        <KindPicker id={`${prefix}-kind`} value={form.kind} onChange={(k) => set('kind', k)} />
        <div className="kind-fields">
          <KindFields idPrefix={prefix} form={form} set={set} errors={errors} stored={stored} />
        </div>
        <SafetyFields idPrefix={prefix} form={form} set={set} errors={errors} />

        <div ref={outcomeRef} className="form-outcome" aria-live="polite">
          {outcome?.kind === 'tested' && <TestResult info={outcome.info} />}
          {certificate && !keyDismissed ? (
            <CertificatePrompt
              cert={certificate}
              onTrust={trustCertificate}
              onCancel={() => setKeyDismissed(true)}
            />
          ) : error && error.code === 'SSH_HOST_KEY_UNKNOWN' && hostKey && !keyDismissed ? (
            <HostKeyPrompt
              info={hostKey}
              onTrusted={() => void runTest()}
              onCancel={() => setKeyDismissed(true)}
            />
          ) : (
            error && (
              <ErrorBanner
                error={error}
                title={
                  outcome?.kind === 'error' && outcome.during === 'save'
                    ? "Couldn't save"
                    : 'Connection test failed'
                }
              />
            )
          )}
        </div>
      </form>
    </Dialog>
  );
}
