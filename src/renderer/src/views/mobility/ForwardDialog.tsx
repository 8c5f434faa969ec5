import { useEffect, useRef, useState } from 'react';
import { DEFAULT_RELAY_IMAGE, type ForwardView, type HostView } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { TextField } from '../../components/ui/Field';
import { useFormFields } from '../../hooks/useFormFields';
import { useMutation } from '../../hooks/useMutation';
import { usePolicy } from '../../hooks/usePolicy';
import { useContainersStore } from '../../stores/containers';
import { forwardUrl } from './forward-url';

/** The container's TCP ports it declares (exposed or published), lowest first. */
function usePortsOf(hostId: string, containerId: string): number[] {
  const ports = useContainersStore((s) => s.byHost[hostId]?.items.find((c) => c.id === containerId)?.ports);
  return [...new Set((ports ?? []).filter((p) => p.type === 'tcp').map((p) => p.privatePort))].sort(
    (a, b) => a - b,
  );
}

function parsePort(text: string, min: number): number | string {
  if (!/^\d+$/.test(text.trim())) return 'a number';
  const n = Number(text);
  return n < min || n > 65535 ? `${min}-65535` : n;
}

/** Empty picks a free local port (0). */
const localPortOf = (text: string) => (text.trim() === '' ? 0 : parsePort(text, 1));
/** What is wrong with a port, if it is not one. */
const problemOf = (port: number | string) => (typeof port === 'string' ? port : undefined);

/**
 * Forward 127.0.0.1:<local> on the machine running Berthmaster to a port of a container: over SSH
 * hosts through the SSH connection, elsewhere through a relay helper sharing the container's network.
 * With `autoStart` (a port link's "Forward and open") an SSH host's forward opens at once on any
 * free local port.
 */
export function ForwardDialog({
  host,
  containerId,
  name,
  port: initialPort,
  autoStart,
  onClose,
}: {
  host: HostView;
  containerId: string;
  name: string;
  port?: number | undefined;
  autoStart?: boolean | undefined;
  onClose(): void;
}) {
  const known = usePortsOf(host.id, containerId);
  const [opened, setOpened] = useState<ForwardView>();
  const open = useMutation('mobility.forwardOpen');
  const verdict = usePolicy(host.id).allowed('mobility.forwardOpen');
  const overSsh = host.endpoint.kind === 'ssh';
  const { formId, values, field, formProps } = useFormFields(
    { port: String(initialPort ?? known[0] ?? 80), local: '', relay: DEFAULT_RELAY_IMAGE },
    (v) => ({ port: problemOf(parsePort(v.port, 1)), local: problemOf(localPortOf(v.local)) }),
    { port: { mono: true }, local: { mono: true }, relay: { mono: true } },
  );
  const portValue = parsePort(values.port, 1);
  const localValue = localPortOf(values.local);

  const run = async () => {
    if (typeof portValue === 'string' || typeof localValue === 'string' || !verdict.ok) return;
    const out = await open.run({
      hostId: host.id,
      container: containerId,
      port: portValue,
      localPort: localValue,
      ...(overSsh ? {} : { relayImage: values.relay.trim() }),
    });
    if (out.ok) setOpened(out.value);
  };
  const runRef = useRef(run);
  runRef.current = run;
  // Over SSH nothing needs choosing; elsewhere the relay image may be missing, so the form shows first.
  const startAtOnce = !!autoStart && overSsh;
  useEffect(() => {
    if (startAtOnce) void runRef.current();
  }, [startAtOnce]);

  if (opened) {
    const url = forwardUrl(opened);
    return (
      <Dialog
        title={`Forwarding ${name}:${opened.port}`}
        onClose={onClose}
        footer={
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <p className="dialog-lead">
          <span className="mono">127.0.0.1:{opened.localPort}</span> on the machine running Berthmaster now
          reaches port <span className="mono">{opened.port}</span> of <strong>{name}</strong> on {host.name},
          via {opened.via === 'ssh' ? 'the SSH connection' : 'a relay helper in the container’s network'}.
        </p>
        <p>
          <a className="button button-primary forward-open-link" href={url} target="_blank" rel="noreferrer">
            Open {url}
          </a>
        </p>
        <p className="field-hint">It stays open until you stop it in Forwards (or the host goes away).</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Forward a port"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button-primary"
            disabled={open.busy || !verdict.ok}
            title={verdict.ok ? undefined : verdict.reason}
          >
            {open.busy && <span className="spinner" aria-hidden="true" />}
            Forward
          </button>
        </>
      }
    >
      <p className="dialog-lead">
        Reach a port of <strong>{name}</strong> on {host.name} from 127.0.0.1, published or not.
      </p>
      {!verdict.ok && <p className="field-error">{verdict.reason}</p>}
      <form {...formProps(() => void run())} className="mobility-form">
        <TextField
          {...field('port')}
          label="Container port"
          inputMode="numeric"
          hint={
            known.length
              ? `It declares ${known.join(', ')}`
              : 'It declares no ports: any port it listens on works.'
          }
        />
        <TextField
          {...field('local')}
          label="Local port"
          inputMode="numeric"
          placeholder="any free port"
          hint="On 127.0.0.1 of the machine running Berthmaster; empty picks a free one."
        />
        {!overSsh && (
          <TextField
            {...field('relay')}
            label="Relay image"
            hint="A helper from this image (it needs sh and nc) shares the container's network and relays each connection."
          />
        )}
      </form>
      {open.busy && startAtOnce && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Opening the forward…
        </p>
      )}
      {open.error && <ErrorBanner error={open.error} title="Couldn't open the forward" />}
    </Dialog>
  );
}
