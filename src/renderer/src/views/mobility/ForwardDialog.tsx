import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_RELAY_IMAGE, type ForwardView, type HostView } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { TextField } from '../../components/ui/Field';
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
  const [port, setPort] = useState(String(initialPort ?? known[0] ?? 80));
  const [local, setLocal] = useState('');
  const [relay, setRelay] = useState(DEFAULT_RELAY_IMAGE);
  const [touched, setTouched] = useState(false);
  const [opened, setOpened] = useState<ForwardView>();
  const open = useMutation('mobility.forwardOpen');
  const verdict = usePolicy(host.id).allowed('mobility.forwardOpen');
  const id = useId();
  const formId = `${id}-form`;
  const overSsh = host.endpoint.kind === 'ssh';
  const portValue = parsePort(port, 1);
  const localValue = local.trim() === '' ? 0 : parsePort(local, 1);

  const run = async () => {
    if (typeof portValue === 'string' || typeof localValue === 'string' || !verdict.ok) return;
    const out = await open.run({
      hostId: host.id,
      container: containerId,
      port: portValue,
      localPort: localValue,
      ...(overSsh ? {} : { relayImage: relay.trim() }),
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    void run();
  };

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
      <form id={formId} className="mobility-form" onSubmit={submit} noValidate>
        <TextField
          id={`${id}-port`}
          label="Container port"
          value={port}
          onChange={setPort}
          inputMode="numeric"
          mono
          error={touched && typeof portValue === 'string' ? portValue : undefined}
          hint={
            known.length
              ? `It declares ${known.join(', ')}`
              : 'It declares no ports: any port it listens on works.'
          }
        />
        <TextField
          id={`${id}-local`}
          label="Local port"
          value={local}
          onChange={setLocal}
          inputMode="numeric"
          placeholder="any free port"
          mono
          error={touched && typeof localValue === 'string' ? localValue : undefined}
          hint="On 127.0.0.1 of the machine running Berthmaster; empty picks a free one."
        />
        {!overSsh && (
          <TextField
            id={`${id}-relay`}
            label="Relay image"
            value={relay}
            onChange={setRelay}
            mono
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
