import { useEffect, useState } from 'react';
import type { AppErrorShape, DockerConfigImport, HostView, RegistryView } from '@shared/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { toErrorShape } from '../../../lib/errors';
import { useRegistriesStore } from '../../../stores/registries';
import { ImportResult } from './ImportResult';
import { RegistryForm } from './RegistryForm';

type Editing = { mode: 'add' } | { mode: 'edit'; registry: RegistryView } | undefined;

/** Stored registry logins: used for every pull and push to that registry, on any host. */
export function RegistriesDialog({ host, onClose }: { host: HostView; onClose(): void }) {
  const { items, loaded, error, fetch, remove, importDockerConfig, allowHost } = useRegistriesStore();
  // A local socket's engine runs on this machine: it may use logins without asking.
  const localHost = host.endpoint.kind === 'socket';
  const [editing, setEditing] = useState<Editing>();
  const [removing, setRemoving] = useState<RegistryView>();
  const [imported, setImported] = useState<DockerConfigImport>();
  const [actionError, setActionError] = useState<AppErrorShape>();
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void fetch();
  }, [fetch]);

  const runImport = async () => {
    setImporting(true);
    setActionError(undefined);
    try {
      setImported(await importDockerConfig());
    } catch (e) {
      setActionError(toErrorShape(e));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Dialog
      title="Registries"
      onClose={onClose}
      size="large"
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="dialog-lead muted">
        Logins are sent to the engine (X-Registry-Auth) for pulls and pushes to that registry, so a remote
        engine receives the password: it gets a login only once you allow it for that host. Secrets are stored
        encrypted and never come back to this window. Login tests run on {host.name}.
      </p>
      {error && <ErrorBanner error={error} title="Couldn't read the stored logins" />}
      {actionError && <ErrorBanner error={actionError} onDismiss={() => setActionError(undefined)} />}
      {loaded && items.length === 0 && !editing && <p className="muted">No registry logins yet.</p>}
      {items.length > 0 && (
        <table className="registry-table" aria-label="Registry logins">
          <thead>
            <tr>
              <th scope="col">Registry</th>
              <th scope="col">User</th>
              <th scope="col">Secret</th>
              <th scope="col">On {host.name}</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} aria-label={r.address}>
                <td className="mono">
                  {r.address}
                  {r.importedFrom && <span className="badge badge-soft">imported</span>}
                </td>
                <td>{r.username || <span className="muted">—</span>}</td>
                <td className="muted">
                  {r.secretKind === 'password' ? 'password / token ••••' : 'identity token ••••'}
                </td>
                <td>
                  {localHost ? (
                    <span className="muted" title="A local socket engine runs on this machine">
                      allowed (local)
                    </span>
                  ) : (
                    <label className="registry-consent">
                      <input
                        type="checkbox"
                        checked={r.allowedHosts.includes(host.id)}
                        aria-label={`Allow ${host.name} to use the ${r.address} login`}
                        onChange={(e) => {
                          allowHost(r.id, host.id, e.target.checked).catch((err: unknown) =>
                            setActionError(toErrorShape(err)),
                          );
                        }}
                      />
                      Allowed
                    </label>
                  )}
                </td>
                <td className="registry-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Edit ${r.address}`}
                    onClick={() => setEditing({ mode: 'edit', registry: r })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Remove ${r.address}`}
                    onClick={() => setRemoving(r)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <RegistryForm
          key={editing.mode === 'edit' ? editing.registry.id : 'add'}
          host={host}
          {...(editing.mode === 'edit' ? { registry: editing.registry } : {})}
          onDone={() => setEditing(undefined)}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <div className="registry-commands">
          <button type="button" className="button" onClick={() => setEditing({ mode: 'add' })}>
            Add login
          </button>
          <button type="button" className="button" onClick={() => void runImport()} disabled={importing}>
            {importing && <span className="spinner" aria-hidden="true" />}
            Import from Docker config
          </button>
        </div>
      )}
      {imported && <ImportResult result={imported} onDismiss={() => setImported(undefined)} />}
      {removing && (
        <ConfirmDialog
          title="Remove registry login?"
          confirmLabel="Remove"
          danger
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => {
            const r = removing;
            setRemoving(undefined);
            remove(r.id).catch((e: unknown) => setActionError(toErrorShape(e)));
          }}
        >
          <p>
            Forget the login of <strong>{removing.username || 'this user'}</strong> for{' '}
            <strong className="mono">{removing.address}</strong>? Pulls and pushes there go without
            credentials.
          </p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
