import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape, FileEntry } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { toErrorShape } from '../../lib/errors';
import { formatBytes, fullDate } from '../../lib/format';
import { useQuery } from '../../hooks/useQuery';
import { DownloadIcon, FileIcon, FolderIcon, LinkIcon } from '../../components/ui/Icons';
import { actionsColumn } from '../../components/ui/TableCells';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';
import { archiveName, downloadFromVolume, type DownloadHandle } from '../../hooks/volume-download';

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

function Breadcrumb({ volume, path, onGo }: { volume: string; path: string; onGo(p: string): void }) {
  const parts = path.split('/').filter(Boolean);
  return (
    <nav className="breadcrumb" aria-label="Folder path">
      <button
        type="button"
        className="crumb"
        onClick={() => onGo('/')}
        aria-current={parts.length === 0 ? 'location' : undefined}
      >
        {volume}
      </button>
      {parts.map((p, i) => {
        const to = `/${parts.slice(0, i + 1).join('/')}`;
        return (
          <span key={to} className="crumb-wrap">
            <span className="crumb-sep" aria-hidden="true">
              /
            </span>
            <button
              type="button"
              className="crumb"
              onClick={() => onGo(to)}
              aria-current={i === parts.length - 1 ? 'location' : undefined}
            >
              {p}
            </button>
          </span>
        );
      })}
    </nav>
  );
}

/** Read-only file browser of a volume, with downloads of files and folders as tar archives. */
export function VolumeBrowser({ hostId, volume }: { hostId: string; volume: string }) {
  // The folder asked for; the one shown is the last listing's (kept while the next loads).
  const [want, setWant] = useState('/');
  const {
    result: listing,
    loading,
    error,
    reload,
  } = useQuery('volumes.browse', { hostId, name: volume, path: want }, { keep: true });
  const path = listing?.path ?? '/';
  const load = (to: string) => (to === want ? reload() : setWant(to));
  const [download, setDownload] = useState<{ name: string; bytes: number }>();
  const [downloadError, setDownloadError] = useState<AppErrorShape>();
  const handle = useRef<DownloadHandle | undefined>(undefined);
  // Leaving the view abandons a running download (the helper container is removed by main).
  useEffect(() => () => handle.current?.cancel(), []);

  const startDownload = (target: string) => {
    if (handle.current) return;
    const name = archiveName(volume, target);
    setDownloadError(undefined);
    setDownload({ name, bytes: 0 });
    const h = downloadFromVolume(hostId, volume, target, (bytes) => setDownload({ name, bytes }));
    handle.current = h;
    h.done
      .catch((e: unknown) => setDownloadError(toErrorShape(e)))
      .finally(() => {
        handle.current = undefined;
        setDownload(undefined);
      });
  };

  const columns: Column<FileEntry>[] = [
    {
      id: 'name',
      label: 'Name',
      render: (e) =>
        e.type === 'directory' ? (
          <button
            type="button"
            className="file-name link-button"
            aria-label={`Open folder ${e.name}`}
            onClick={() => void load(join(path, e.name))}
          >
            <FolderIcon />
            <span className="truncate">{e.name}</span>
          </button>
        ) : (
          <span className="file-name" title={e.target ? `${e.name} → ${e.target}` : e.name}>
            {e.type === 'symlink' || e.type === 'link' ? <LinkIcon /> : <FileIcon />}
            <span className="truncate">{e.name}</span>
            {e.target && <span className="muted truncate"> → {e.target}</span>}
          </span>
        ),
    },
    {
      id: 'size',
      label: 'Size',
      className: 'cell-num',
      render: (e) => (e.type === 'symlink' ? <span className="muted">—</span> : formatBytes(e.size)),
    },
    {
      id: 'mtime',
      label: 'Modified',
      className: 'cell-soft',
      render: (e) => (e.mtime ? fullDate(e.mtime) : '—'),
    },
    actionsColumn((e) => (
      <button
        type="button"
        className="icon-button"
        aria-label={`Download ${e.name}`}
        title={e.type === 'directory' ? 'Download folder as .tar' : 'Download as .tar'}
        disabled={download !== undefined}
        onClick={() => startDownload(join(path, e.name))}
      >
        <DownloadIcon />
      </button>
    )),
  ];

  return (
    <div className="volume-browser">
      <div className="panel-toolbar">
        <Breadcrumb volume={volume} path={path} onGo={(p) => void load(p)} />
        {loading && <span className="spinner" aria-label="Loading folder" />}
        <span className="header-spacer" />
        <button
          type="button"
          className="button button-small"
          onClick={() => startDownload(path)}
          disabled={download !== undefined}
        >
          <DownloadIcon /> Download this folder
        </button>
      </div>
      <p className="field-hint browser-note">
        Read-only. Files are read through a short-lived helper container that is removed right after;
        downloads are tar archives.
      </p>
      {download && (
        <div className="download-status" role="status">
          <span className="spinner" aria-hidden="true" />
          Downloading {download.name}… {formatBytes(download.bytes)}
          <button type="button" className="button button-small" onClick={() => handle.current?.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {(error || downloadError) && (
        <div className="banners flush">
          {error && <ErrorBanner error={error} title="Couldn't open the folder" />}
          {downloadError && (
            <ErrorBanner
              error={downloadError}
              title="Download failed"
              onDismiss={() => setDownloadError(undefined)}
            />
          )}
        </div>
      )}
      {listing && listing.path === path && listing.entries.length === 0 ? (
        <div className="empty-state compact">
          <p className="empty-title">This folder is empty</p>
        </div>
      ) : listing ? (
        <VirtualTable
          label={`Files in ${path}`}
          rows={listing.entries}
          columns={columns}
          template="minmax(220px, 3fr) 100px minmax(170px, 1.2fr) 56px"
          rowKey={(e) => e.name}
          rowLabel={(e) => e.name}
          rowHeight={38}
          minWidth={600}
        />
      ) : null}
      {listing?.truncated && (
        <p className="field-hint">
          Only the first {listing.entries.length} entries are shown; download the folder for all.
        </p>
      )}
    </div>
  );
}
