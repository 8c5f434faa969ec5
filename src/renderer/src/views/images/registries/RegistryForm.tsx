import { useState } from 'react';
import type { AppErrorShape, HostView, LoginResult, RegistryView, SecretKind } from '@shared/contract';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { useFormFields } from '../../../hooks/useFormFields';
import { toErrorShape } from '../../../lib/errors';
import { useRegistriesStore } from '../../../stores/registries';
import { TextField } from '../../../components/ui/Field';
import { SelectField, type SelectChoice } from '../../../components/ui/SelectField';

const ADDRESS = /^(https?:\/\/)?([A-Za-z0-9.-]+|\[[A-Fa-f0-9:]+\])(:[0-9]{1,5})?(\/[A-Za-z0-9._/-]*)?$/;

const SECRET_KINDS: SelectChoice<SecretKind>[] = [
  { value: 'password', text: 'Password / token' },
  { value: 'identity-token', text: 'Identity token' },
];

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
  const [busy, setBusy] = useState<'test' | 'save'>();
  const [error, setError] = useState<{ during: 'test' | 'save'; error: AppErrorShape }>();
  const [tested, setTested] = useState<LoginResult>();
  const { id, values, set, field, submit, formProps } = useFormFields(
    {
      address: registry?.address ?? '',
      username: registry?.username ?? '',
      secret: '',
      kind: registry?.secretKind ?? ('password' as SecretKind),
    },
    (v) => ({
      address: !v.address.trim()
        ? 'enter the registry address'
        : !ADDRESS.test(v.address.trim())
          ? 'host[:port], e.g. registry.example.com:5000'
          : undefined,
      secret: !registry && !v.secret ? 'enter the password or token' : undefined,
    }),
    { address: { required: true, mono: true }, secret: { required: !registry } },
  );
  const { username, secret, kind } = values;
  const address = values.address.trim();

  const test = async () => {
    setBusy('test');
    setError(undefined);
    setTested(undefined);
    try {
      setTested(
        await store.testLogin({
          hostId: host.id,
          ...(registry ? { id: registry.id } : {}),
          address,
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

  const save = async () => {
    setBusy('save');
    setError(undefined);
    try {
      if (registry) {
        await store.update({
          id: registry.id,
          address,
          username,
          secretKind: kind,
          ...(secret ? { secret } : {}),
        });
      } else {
        await store.add({ address, username, secret, secretKind: kind });
      }
      onDone();
    } catch (err) {
      setError({ during: 'save', error: toErrorShape(err) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form {...formProps(() => void save())} className="registry-form">
      <h3 className="details-subtitle">{registry ? `Edit ${registry.address}` : 'Add a registry login'}</h3>
      <div className="field-row">
        <TextField
          {...field('address')}
          label="Registry address"
          placeholder="registry.example.com:5000"
          className="grow"
        />
        <TextField {...field('username')} label="Username" autoComplete="username" />
      </div>
      <div className="field-row">
        <TextField
          {...field('secret')}
          label={kind === 'password' ? 'Password or access token' : 'Identity token'}
          type="password"
          autoComplete="new-password"
          className="grow"
          hint={
            registry
              ? 'Leave empty to keep the stored secret.'
              : 'Stored encrypted on the machine running Berthmaster; never shown again.'
          }
        />
        <SelectField
          id={`${id}-kind`}
          label="Secret type"
          value={kind}
          choices={SECRET_KINDS}
          onChange={(v) => set('kind', v)}
        />
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
        <button
          type="button"
          className="button"
          onClick={() => submit(() => void test())}
          disabled={Boolean(busy)}
        >
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
