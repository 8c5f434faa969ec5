import type { TlsTrust } from '@shared/contract';
import type { FieldErrors, FieldName, FormState, StoredSecrets } from '../../lib/forms/host-form';
import { TextField } from '../../components/ui/Field';
import { PemField } from './PemField';

export interface KindFieldsProps {
  idPrefix: string;
  form: FormState;
  set<K extends FieldName>(field: K, value: FormState[K]): void;
  errors: FieldErrors;
  /** Secrets of the host being edited, when it already is of this kind. */
  stored: StoredSecrets | undefined;
}

const fid = (prefix: string, field: FieldName) => `${prefix}-${field}`;

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
      <div className="checkbox-field">
        <input
          id={localId}
          type="checkbox"
          checked={form.localEngine}
          onChange={(e) => set('localEngine', e.target.checked)}
          aria-describedby={`${localId}-hint`}
        />
        <label htmlFor={localId}>This is the Docker engine of this computer</label>
        <p id={`${localId}-hint`} className="field-hint">
          Registry logins then go to it without asking. Leave unticked for a socket that forwards to another
          machine (e.g. ssh -L).
        </p>
      </div>
    </>
  );
}

function HostPort({
  idPrefix,
  form,
  set,
  errors,
  portField,
  portRequired,
  portPlaceholder,
  hostHint,
}: KindFieldsProps & {
  portField: 'tcpPort' | 'tlsPort' | 'sshPort';
  portRequired: boolean;
  portPlaceholder: string;
  hostHint?: string;
}) {
  return (
    <div className="field-row">
      <TextField
        id={fid(idPrefix, 'host')}
        label="Host"
        value={form.host}
        onChange={(v) => set('host', v)}
        error={errors.host}
        hint={hostHint}
        placeholder="docker.example.com"
        required
        mono
        className="grow"
      />
      <TextField
        id={fid(idPrefix, portField)}
        label="Port"
        value={form[portField]}
        onChange={(v) => set(portField, v)}
        error={errors[portField]}
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

const TLS_TRUST: { value: TlsTrust; label: string; hint: string }[] = [
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
  },
];

function TlsTrustPicker({ idPrefix, form, set }: KindFieldsProps) {
  return (
    <fieldset className="field tls-trust">
      <legend className="field-label">Server verification</legend>
      <div className="policy-options" role="radiogroup" aria-label="Server verification">
        {TLS_TRUST.map((t) => {
          const id = `${idPrefix}-tlsTrust-${t.value}`;
          return (
            <div
              key={t.value}
              className={`policy-option${form.tlsTrust === t.value ? ' is-checked' : ''}${t.value === 'insecure' ? ' is-danger' : ''}`}
            >
              <input
                id={id}
                type="radio"
                name={`${idPrefix}-tlsTrust`}
                value={t.value}
                checked={form.tlsTrust === t.value}
                onChange={() => set('tlsTrust', t.value)}
                aria-describedby={`${id}-hint`}
              />
              <label htmlFor={id}>
                <span className="policy-title">{t.label}</span>
                <span id={`${id}-hint`} className="kind-option-hint">
                  {t.hint}
                </span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function TlsFields(props: KindFieldsProps) {
  const { idPrefix, form, set, errors, stored } = props;
  const keyKept = stored?.kind === 'tls' && stored.hasKey;
  return (
    <>
      <HostPort {...props} portField="tlsPort" portRequired portPlaceholder="2376" />
      <TlsTrustPicker {...props} />
      {form.tlsTrust === 'ca' && (
        <PemField
          id={fid(idPrefix, 'ca')}
          pasteLabel="CA certificate (PEM)"
          fileLabel="CA certificate file"
          value={form.ca}
          onChange={(v) => set('ca', v)}
          error={errors.ca}
          placeholder="-----BEGIN CERTIFICATE-----"
          hint="No CA? Test the connection: Berthmaster shows the server certificate so you can trust it."
          required
        />
      )}
      {form.tlsTrust === 'pin' && (
        <TextField
          id={fid(idPrefix, 'pin')}
          label="Server certificate SHA-256 fingerprint"
          value={form.pin}
          onChange={(v) => set('pin', v)}
          error={errors.pin}
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
        id={fid(idPrefix, 'cert')}
        pasteLabel="Client certificate (PEM)"
        fileLabel="Client certificate file"
        value={form.cert}
        onChange={(v) => set('cert', v)}
        error={errors.cert}
        placeholder="-----BEGIN CERTIFICATE-----"
        required
      />
      <PemField
        id={fid(idPrefix, 'key')}
        pasteLabel="Client key (PEM)"
        fileLabel="Client key file"
        secret
        value={form.key}
        onChange={(v) => set('key', v)}
        error={errors.key}
        placeholder={keyKept ? 'Stored key kept unless replaced' : '-----BEGIN PRIVATE KEY-----'}
        hint={keyKept ? 'A client key is stored: the stored key is kept unless replaced.' : undefined}
        required={!keyKept}
      />
    </>
  );
}

function SshFields(props: KindFieldsProps) {
  const { idPrefix, form, set, errors, stored } = props;
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
        id={fid(idPrefix, 'user')}
        label="User"
        value={form.user}
        onChange={(v) => set('user', v)}
        error={errors.user}
        placeholder="from ~/.ssh/config, or your user name"
        mono
      />
      <div className="subsection">
        <div className="subsection-title">Authentication</div>
        <PemField
          id={fid(idPrefix, 'privateKey')}
          pasteLabel="Private key (PEM)"
          fileLabel="Private key file"
          secret
          value={form.privateKey}
          onChange={(v) => set('privateKey', v)}
          error={errors.privateKey}
          placeholder={keyKept ? 'Stored key kept unless replaced' : '-----BEGIN OPENSSH PRIVATE KEY-----'}
          hint={keyKept ? 'A private key is stored: the stored key is kept unless replaced.' : undefined}
          accept=""
        />
        <TextField
          id={fid(idPrefix, 'privateKeyPath')}
          label="Path to key file on this machine"
          value={form.privateKeyPath}
          onChange={(v) => set('privateKeyPath', v)}
          error={errors.privateKeyPath}
          placeholder="~/.ssh/id_ed25519"
          hint="Instead of a key above: Berthmaster reads this file each time it connects."
          mono
        />
        <TextField
          id={fid(idPrefix, 'passphrase')}
          label="Passphrase"
          type="password"
          value={form.passphrase}
          onChange={(v) => set('passphrase', v)}
          error={errors.passphrase}
          autoComplete="new-password"
          placeholder={passKept ? 'Stored passphrase kept unless replaced' : undefined}
          hint={
            passKept ? 'A passphrase is stored: it is kept unless replaced.' : 'Only if the key is encrypted.'
          }
        />
        <div className="checkbox-row">
          <input
            id={fid(idPrefix, 'useAgent')}
            type="checkbox"
            checked={form.useAgent}
            onChange={(e) => set('useAgent', e.target.checked)}
            aria-describedby={`${fid(idPrefix, 'useAgent')}-hint`}
          />
          <label htmlFor={fid(idPrefix, 'useAgent')}>Use SSH agent</label>
        </div>
        <p id={`${fid(idPrefix, 'useAgent')}-hint`} className="field-hint checkbox-hint">
          Keys loaded in the agent (SSH_AUTH_SOCK) are tried too. With no key given, Berthmaster uses the keys
          named in ~/.ssh/config.
        </p>
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
