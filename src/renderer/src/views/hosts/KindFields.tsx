import type { TlsTrust } from '@shared/contract';
import { CheckboxField } from '../../components/ui/CheckboxField';
import { RadioCards, type RadioCard } from '../../components/ui/RadioCards';
import {
  bindField as bind,
  fieldId as fid,
  type FormBinding,
  type StoredSecrets,
} from '../../lib/forms/host-form';
import { TextField } from '../../components/ui/Field';
import { PemField } from './PemField';

export interface KindFieldsProps extends FormBinding {
  /** Secrets of the host being edited, when it already is of this kind. */
  stored: StoredSecrets | undefined;
}

/** A stored key stays unless replaced: its empty field says so instead of showing a PEM header. */
const keptKey = (kept: boolean, what: string, pemHeader: string) =>
  kept
    ? {
        placeholder: 'Stored key kept unless replaced',
        hint: `${what} is stored: the stored key is kept unless replaced.`,
      }
    : { placeholder: pemHeader };

function SocketFields({ idPrefix, form, set, errors }: KindFieldsProps) {
  const localId = fid(idPrefix, 'localEngine');
  return (
    <>
      <TextField
        id={fid(idPrefix, 'socketPath')}
        label="Socket path"
        value={form.socketPath}
        onChange={(v) => {
          set('socketPath', v);
          // A confirmation is for one socket: a new path must be confirmed again.
          if (form.localEngine) set('localEngine', false);
        }}
        error={errors.socketPath}
        hint="The Docker socket on the machine running Berthmaster."
        placeholder="/var/run/docker.sock"
        required
        mono
      />
      <CheckboxField
        id={localId}
        className="checkbox-field"
        label="This is the Docker engine of this computer"
        checked={form.localEngine}
        onChange={(v) => set('localEngine', v)}
        hint="Registry logins then go to it without asking. Leave unticked for a socket that forwards to another machine (e.g. ssh -L)."
      />
    </>
  );
}

function HostPort(
  props: KindFieldsProps & {
    portField: 'tcpPort' | 'tlsPort' | 'sshPort';
    portRequired: boolean;
    portPlaceholder: string;
    hostHint?: string;
  },
) {
  const { portField, portRequired, portPlaceholder, hostHint } = props;
  return (
    <div className="field-row">
      <TextField
        {...bind(props, 'host')}
        label="Host"
        hint={hostHint}
        placeholder="docker.example.com"
        required
        mono
        className="grow"
      />
      <TextField
        {...bind(props, portField)}
        label="Port"
        placeholder={portPlaceholder}
        required={portRequired}
        inputMode="numeric"
        mono
        className="port-field"
      />
    </div>
  );
}

function TcpFields(props: KindFieldsProps) {
  return (
    <>
      <div className="callout callout-warning" role="note">
        <strong>Unencrypted connection.</strong> Anyone who can reach this port controls the Docker engine
        (root on that machine), and traffic can be read on the network. Prefer SSH or TCP + TLS.
      </div>
      <HostPort {...props} portField="tcpPort" portRequired portPlaceholder="2375" />
    </>
  );
}

const TLS_TRUST: RadioCard<TlsTrust>[] = [
  { value: 'ca', label: 'CA certificate', hint: 'The server certificate must be signed by this CA.' },
  {
    value: 'pin',
    label: 'Pinned certificate',
    hint: 'Exactly this server certificate (SHA-256), for a server whose CA you do not have.',
  },
  {
    value: 'insecure',
    label: 'Skip verification',
    hint: 'Any certificate is accepted: someone on the network could pose as this engine.',
    danger: true,
  },
];

function TlsTrustPicker({ idPrefix, form, set }: KindFieldsProps) {
  return (
    <fieldset className="field tls-trust">
      <legend className="field-label">Server verification</legend>
      <RadioCards
        name={`${idPrefix}-tlsTrust`}
        label="Server verification"
        value={form.tlsTrust}
        options={TLS_TRUST}
        onChange={(v) => set('tlsTrust', v)}
      />
    </fieldset>
  );
}

function TlsFields(props: KindFieldsProps) {
  const { form, stored } = props;
  const keyKept = stored?.kind === 'tls' && stored.hasKey;
  return (
    <>
      <HostPort {...props} portField="tlsPort" portRequired portPlaceholder="2376" />
      <TlsTrustPicker {...props} />
      {form.tlsTrust === 'ca' && (
        <PemField
          {...bind(props, 'ca')}
          pasteLabel="CA certificate (PEM)"
          fileLabel="CA certificate file"
          placeholder="-----BEGIN CERTIFICATE-----"
          hint="No CA? Test the connection: Berthmaster shows the server certificate so you can trust it."
          required
        />
      )}
      {form.tlsTrust === 'pin' && (
        <TextField
          {...bind(props, 'pin')}
          label="Server certificate SHA-256 fingerprint"
          placeholder="AB:CD:EF:…"
          hint="Set by “Trust this certificate” after a connection test; the connection is refused if the server presents any other certificate."
          mono
          required
        />
      )}
      {form.tlsTrust === 'insecure' && (
        <div className="callout callout-danger" role="note">
          <strong>TLS not verified.</strong> Traffic is encrypted, but Berthmaster cannot tell this engine
          from an impostor, who would receive your client key&rsquo;s signature and every command (root on
          that machine). Prefer pinning the server certificate.
        </div>
      )}
      <PemField
        {...bind(props, 'cert')}
        pasteLabel="Client certificate (PEM)"
        fileLabel="Client certificate file"
        placeholder="-----BEGIN CERTIFICATE-----"
        required
      />
      <PemField
        {...bind(props, 'key')}
        pasteLabel="Client key (PEM)"
        fileLabel="Client key file"
        secret
        {...keptKey(keyKept, 'A client key', '-----BEGIN PRIVATE KEY-----')}
        required={!keyKept}
      />
    </>
  );
}

function SshFields(props: KindFieldsProps) {
  const { idPrefix, form, set, stored } = props;
  const keyKept = stored?.kind === 'ssh' && stored.hasPrivateKey;
  const passKept = stored?.kind === 'ssh' && stored.hasPassphrase;
  return (
    <>
      <HostPort
        {...props}
        portField="sshPort"
        portRequired={false}
        portPlaceholder="22"
        hostHint="A name, an address or an alias from ~/.ssh/config."
      />
      <TextField
        {...bind(props, 'user')}
        label="User"
        placeholder="from ~/.ssh/config, or your user name"
        mono
      />
      <div className="subsection">
        <div className="subsection-title">Authentication</div>
        <PemField
          {...bind(props, 'privateKey')}
          pasteLabel="Private key (PEM)"
          fileLabel="Private key file"
          secret
          {...keptKey(keyKept, 'A private key', '-----BEGIN OPENSSH PRIVATE KEY-----')}
          accept=""
        />
        <TextField
          {...bind(props, 'privateKeyPath')}
          label="Path to key file on this machine"
          placeholder="~/.ssh/id_ed25519"
          hint="Instead of a key above: Berthmaster reads this file each time it connects."
          mono
        />
        <TextField
          {...bind(props, 'passphrase')}
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          placeholder={passKept ? 'Stored passphrase kept unless replaced' : undefined}
          hint={
            passKept ? 'A passphrase is stored: it is kept unless replaced.' : 'Only if the key is encrypted.'
          }
        />
        <CheckboxField
          id={fid(idPrefix, 'useAgent')}
          label="Use SSH agent"
          checked={form.useAgent}
          onChange={(v) => set('useAgent', v)}
          hint="Keys loaded in the agent (SSH_AUTH_SOCK) are tried too. With no key given, Berthmaster uses the keys named in ~/.ssh/config."
        />
      </div>
    </>
  );
}

/** The connection fields of the chosen kind. */
export function KindFields(props: KindFieldsProps) {
  switch (props.form.kind) {
    case 'socket':
      return <SocketFields {...props} />;
    case 'tcp':
      return <TcpFields {...props} />;
    case 'tls':
      return <TlsFields {...props} />;
    case 'ssh':
      return <SshFields {...props} />;
  }
}
