import type { DockerConfigImport } from '@shared/contract';

/** What an import from ~/.docker/config.json did, including the helpers it left alone. */
export function ImportResult({ result, onDismiss }: { result: DockerConfigImport; onDismiss(): void }) {
  return (
    <div className="callout import-result" role="status">
      {!result.found ? (
        <p>No {result.configPath} was found on the machine running Berthmaster.</p>
      ) : (
        <>
          <p>
            {result.imported.length
              ? `Imported ${result.imported.length} login${result.imported.length === 1 ? '' : 's'} from ${result.configPath}: ${result.imported.map((r) => r.address).join(', ')}.`
              : `Nothing new to import from ${result.configPath}.`}
          </p>
          {result.credsStore && (
            <p>
              The credential store <strong className="mono">docker-credential-{result.credsStore}</strong> is
              configured; Berthmaster does not read it, so logins kept there must be added here by hand.
            </p>
          )}
          {result.credHelpers.length > 0 && (
            <p>
              Credential helpers (not read):{' '}
              {result.credHelpers.map((h) => `${h.address} → docker-credential-${h.helper}`).join(', ')}.
            </p>
          )}
          {result.skipped.length > 0 && (
            <ul className="import-skipped">
              {result.skipped.map((s) => (
                <li key={s.address}>
                  <span className="mono">{s.address}</span>: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <button type="button" className="button button-small" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
