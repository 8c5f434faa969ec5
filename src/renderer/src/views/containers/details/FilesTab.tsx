import { PlainTable } from '../../../components/ui/PlainTable';
import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape, ContainerFileEntry } from '@shared/contract';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { toErrorShape } from '../../../lib/errors';
import { formatBytes, fullDate } from '../../../lib/format';
import { downloadPath, uploadFiles } from '../../../hooks/container-files';
import { useQuery } from '../../../hooks/useQuery';
import { useUiStore } from '../../../stores/ui';
import type { DetailTabProps } from './DetailTabList';
import { joinPath, modeString, parentOf } from './paths';

type Transfer = { label: string; done: number; total?: number };

function Crumbs({ path, onGo }: { path: string; onGo(p: string): void }) {
  const parts = path.split('/').filter(Boolean);
  return (
    <nav className="ct-crumbs" aria-label="Folder path">
      <button type="button" className="ct-crumb" onClick={() => onGo('/')} aria-label="Root folder">
        /
      </button>
      {parts.map((p, i) => {
        const to = `/${parts.slice(0, i + 1).join('/')}`;
        const last = i === parts.length - 1;
        return (
          <span key={to} className="ct-crumb-part">
            <button
              type="button"
              className="ct-crumb"
              aria-current={last ? 'location' : undefined}
              onClick={() => onGo(to)}
            >
              {p}
            </button>
            {!last && <span aria-hidden="true">/</span>}
          </span>
        );
      })}
    </nav>
  );
}

function EntryIcon({ type }: { type: ContainerFileEntry['type'] }) {
  if (type === 'directory') {
    return (
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="ct-file-icon is-dir">
        <path
          d="M1.5 4.5a1 1 0 0 1 1-1h3.3l1.4 1.5h6.3a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z"
          fill="currentColor"
        />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="ct-file-icon">
      <path d="M4 1.5h5l3.5 3.5v9.5H4z M9 1.5V5h3.5" fill="none" stroke="currentColor" strokeWidth="1.2" />
      {type === 'symlink' && (
        <path d="M6 11.5l3-3m0 0H6.8M9 8.5v2.2" stroke="currentColor" strokeWidth="1.2" />
      )}
    </svg>
  );
}

/**
 * The container's filesystem through the engine's archive API: works on stopped containers and
 * images without a shell, on every host kind. Browse, download a file or a folder (tar), upload
 * files into the folder shown.
 */
export function FilesTab({ host, target }: DetailTabProps) {
  const hostId = host.id;
  const id = target.containerId;
  /** The folder asked for; the one shown is the last listing's (a failed step keeps it). */
  const [wanted, setWanted] = useState('/');
  const query = useQuery('containers.filesList', { hostId, id, path: wanted }, { keep: true });
  const { result: listing, loading } = query;
  const path = listing?.path ?? '/';
  const [pathInput, setPathInput] = useState('/');
  useEffect(() => setPathInput(path), [path, listing]);
  /** A transfer's failure; a listing's is the query's until dismissed. */
  const [transferError, setTransferError] = useState<AppErrorShape>();
  const [dismissed, setDismissed] = useState<AppErrorShape>();
  const error = transferError ?? (query.error !== dismissed ? query.error : undefined);
  const setError = (e: AppErrorShape | undefined) => {
    setTransferError(e);
    if (!e) setDismissed(query.error);
  };
  const [transfer, setTransfer] = useState<Transfer>();
  const uploadRef = useRef<HTMLInputElement>(null);
  const go = (p: string) => {
    setTransferError(undefined);
    if (p === wanted) query.reload();
    else setWanted(p);
  };

  const download = async (p: string, format: 'tar' | 'file', label: string) => {
    setTransfer({ label, done: 0 });
    try {
      await downloadPath(hostId, id, p, format, (done) => setTransfer({ label, done })).done;
      useUiStore.getState().toast(`Downloaded ${label}`);
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setTransfer(undefined);
    }
  };

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    const label = files.length === 1 ? (files[0]?.name ?? '') : `${files.length} files`;
    const dir = path;
    setTransfer({ label: `Uploading ${label}`, done: 0, total: files.reduce((n, f) => n + f.size, 0) });
    try {
      await uploadFiles(hostId, id, dir, files, (done, total) =>
        setTransfer({ label: `Uploading ${label}`, done, total }),
      );
      useUiStore.getState().toast(`Uploaded ${label} to ${dir}`);
      go(dir);
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setTransfer(undefined);
    }
  };

  return (
    <div className="files-tab">
      <div className="files-tools">
        <button
          type="button"
          className="button button-small"
          disabled={path === '/' || loading}
          onClick={() => go(parentOf(path))}
        >
          ↑ Up one level
        </button>
        <form
          className="files-path"
          onSubmit={(e) => {
            e.preventDefault();
            const p = pathInput.trim();
            if (p) go(p.startsWith('/') ? p : joinPath(path, p));
          }}
        >
          <input
            aria-label="Path"
            className="input mono"
            value={pathInput}
            spellCheck={false}
            onChange={(e) => setPathInput(e.target.value)}
          />
          <button type="submit" className="button button-small">
            Go
          </button>
        </form>
        <button
          type="button"
          className="button button-small"
          disabled={loading}
          onClick={() => go(path)}
          aria-busy={loading || undefined}
        >
          {loading && <span className="spinner" aria-hidden="true" />}
          Refresh
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={transfer !== undefined}
          onClick={() => void download(path, 'tar', `${path === '/' ? 'root' : path.split('/').pop()}.tar`)}
        >
          Download folder
        </button>
        <input
          ref={uploadRef}
          type="file"
          multiple
          className="visually-hidden"
          aria-label="Files to upload"
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void upload(files);
          }}
        />
        <button
          type="button"
          className="button button-small button-primary"
          disabled={transfer !== undefined}
          onClick={() => uploadRef.current?.click()}
        >
          Upload files…
        </button>
      </div>
      <Crumbs path={path} onGo={go} />
      {transfer && (
        <p className="files-transfer" role="status">
          <span className="spinner" aria-hidden="true" /> {transfer.label}: {formatBytes(transfer.done)}
          {transfer.total ? ` of ${formatBytes(transfer.total)}` : ''}
        </p>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(undefined)} />}
      {listing?.truncated && (
        <ErrorBanner
          tone="warning"
          error={{
            code: 'ENGINE_ERROR',
            message: `This folder is very large: the listing stopped after reading ${formatBytes(listing.scannedBytes)} and may be incomplete.`,
          }}
          title="Partial listing"
        />
      )}
      {listing && (
        <div className="ct-table-scroll files-scroll">
          <PlainTable
            className="ov-table files-table"
            label={`Files in ${listing.path}`}
            columns={['Name', { label: 'Size', className: 'num' }, 'Mode', 'Modified']}
            actions
          >
            {listing.entries.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  This folder is empty.
                </td>
              </tr>
            )}
            {listing.entries.map((e) => {
              const full = joinPath(listing.path, e.name);
              const folderLike = e.type === 'directory' || e.type === 'symlink';
              return (
                <tr key={e.name}>
                  <td>
                    <span className="ct-file-name">
                      <EntryIcon type={e.type} />
                      {folderLike ? (
                        <button type="button" className="ct-link mono" onClick={() => go(full)}>
                          {e.name}
                        </button>
                      ) : (
                        <span className="mono">{e.name}</span>
                      )}
                      {e.linkTarget && <span className="muted mono ct-link-target">→ {e.linkTarget}</span>}
                    </span>
                  </td>
                  <td className="num">{e.type === 'file' ? formatBytes(e.size) : ''}</td>
                  <td className="mono muted">{modeString(e.type, e.mode)}</td>
                  <td className="muted">{e.mtime ? fullDate(e.mtime) : ''}</td>
                  <td className="ct-file-actions">
                    <button
                      type="button"
                      className="button button-small ct-ghost"
                      aria-label={`Download ${e.name}`}
                      disabled={transfer !== undefined}
                      onClick={() =>
                        void download(
                          full,
                          e.type === 'directory' ? 'tar' : 'file',
                          e.type === 'directory' ? `${e.name}.tar` : e.name,
                        )
                      }
                    >
                      Download
                    </button>
                  </td>
                </tr>
              );
            })}
          </PlainTable>
        </div>
      )}
    </div>
  );
}
