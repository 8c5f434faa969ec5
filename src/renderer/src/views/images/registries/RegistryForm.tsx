import { useId, useState, type FormEvent } from 'react';
import type { AppErrorShape, HostView, LoginResult, RegistryView, SecretKind } from '@shared/contract';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { toErrorShape } from '../../../lib/errors';
import { useRegistriesStore } from '../../../stores/registries';
import { TextField } from '../../../components/ui/Field';

const ADDRESS = /^(https?:\/\/)?([A-Za-z0-9.-]+|\[[A-Fa-f0-9:]+\])(:[0-9]{1,5})?(\/[A-Za-z0-9._/-]*)?$/;

export interface RegistryFormProps {
  host: HostView;
  /** The login being edited; absent to add one. */
  registry?: RegistryView;
  onDone(): void;
  onCancel(): void;
}

/**
 * Address, user and secret of a registry login. The secret field starts empty when editing (main
 * never sends it back); leaving it empty keeps the stored one.
 */
export function RegistryForm({ host, registry, onDone, onCancel }: RegistryFormProps) {
  const store = useRegistriesStore();
  const [address, setAddress] = useState(registry?.address ?? '');
  const [username, setUsername] = useState(registry?.username ?? '');
  const [secret, setSecret] = useState('');
  const [kind, setKind] = useState<SecretKind>(registry?.secretKind ?? 'password');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save'>();
  const [error, setError] = useState<{ during: 'test' | 'save'; error: AppErrorShape }>();
  const [tested, setTested] = useState<LoginResult>();
  const id = useId();
  const formId = `${id}-form`;

  const errors = {
    address: !address.trim()
      ? 'enter the registry address'
      : !ADDRESS.test(address.trim())
        ? 'host[:port], e.g. registry.example.com:5000'
        : undefined,
    secret: !registry && !secret ? 'enter the password or token' : undefined,
  };
  const invalid = Boolean(errors.address || errors.secret);

  const test = async () => {
    setTouched(true);
    if (errors.address || (!secret && !registry)) return;
    setBusy('test');
    setError(undefined);
    setTested(undefined);
    try {
      setTested(
        await store.testLogin({
          hostId: host.id,
          ...(registry ? { id: registry.id } : {}),
          address: address.trim(),
          username,
          ...(secret ? { secret } : {}),
          secretKind: kind,
        }),
      );
    } catch (e) {
      setError({ during: 'test', error: toErrorShape(e) });
    } finally {
      setBusy(undefined);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    setBusy('save');
    setError(undefined);
    try {
      if (registry) {
        await store.update({
          id: registry.id,
          address: address.trim(),
          username,
          secretKind: kind,
          ...(secret ? { secret } : {}),
        });
      } else {
        await store.add({ address: address.trim(), username, secret, secretKind: kind });
      }
      onDone();
    } catch (err) {
      setError({ during: 'save', error: toErrorShape(err) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form id={formId} className="registry-form" onSubmit={(e) => void save(e)} noValidate>
      <h3 className="details-subtitle">{registry ? `Edit ${registry.address}` : 'Add a registry login'}</h3>
      <div className="field-row">
        <TextField
          id={`${id}-address`}
          label="Registry address"
          value={address}
          onChange={setAddress}
          placeholder="registry.example.com:5000"
          required
          mono
          className="grow"
          error={touched ? errors.address : undefined}
        />
        <TextField
          id={`${id}-user`}
          label="Username"
          value={username}
          onChange={setUsername}
          autoComplete="username"
        />
      </div>
      <div className="field-row">
        <TextField
          id={`${id}-secret`}
          label={kind === 'password' ? 'Password or access token' : 'Identity token'}
          type="password"
          value={secret}
          onChange={setSecret}
          required={!registry}
          autoComplete="new-password"
          className="grow"
          error={touched ? errors.secret : undefined}
          hint={
            registry
              ? 'Leave empty to keep the stored secret.'
              : 'Stored encrypted on the machine running Berthmaster; never shown again.'
          }
        />
        <div className="field">
          <label htmlFor={`${id}-kind`} className="field-label">
            Secret type
          </label>
          <select
            id={`${id}-kind`}
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value as SecretKind)}
          >
            <option value="password">Password / token</option>
            <option value="identity-token">Identity token</option>
          </select>
        </div>
      </div>
      {tested && (
        <p className="task-result" role="status">
          {tested.status} at {tested.address} (checked by {host.name}).
        </p>
      )}
      {error && (
        <ErrorBanner
          error={error.error}
          title={error.during === 'save' ? "Couldn't save" : 'Login test failed'}
        />
      )}
      <div className="registry-form-actions">
        <button type="button" className="button" onClick={() => void test()} disabled={Boolean(busy)}>
          {busy === 'test' && <span className="spinner" aria-hidden="true" />}
          Test login
        </button>
        <span className="header-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={Boolean(busy)}>
          {busy === 'save' && <span className="spinner" aria-hidden="true" />}
          Save login
        </button>
      </div>
    </form>
  );
}
