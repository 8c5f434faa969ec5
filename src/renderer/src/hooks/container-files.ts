import { UPLOAD_CHUNK_BYTES } from '@shared/contract';
import { saveBlob } from '../lib/save-text';
import { api } from '../rpc/api';

/** Downloads a path of a container (a file's bytes, or a tar of anything) and saves it. */
export function downloadPath(
  hostId: string,
  id: string,
  path: string,
  format: 'tar' | 'file',
  onProgress: (bytes: number) => void,
): { done: Promise<void>; cancel(): void } {
  const parts: Uint8Array[] = [];
  let received = 0;
  let cancel = () => undefined as void;
  const done = new Promise<void>((resolve, reject) => {
    const sub = api.containers.filesDownload(
      { hostId, id, path, format },
      {
        onEvent: (ev) => {
          parts.push(ev.bytes);
          received += ev.bytes.byteLength;
          onProgress(received);
        },
        onEnd: (err) => {
          if (err) return reject(err);
          const base = path === '/' ? 'root' : (path.split('/').pop() ?? 'download');
          saveBlob(
            parts as BlobPart[],
            format === 'tar' ? `${base}.tar` : base,
            format === 'tar' ? 'application/x-tar' : 'application/octet-stream',
          );
          resolve();
        },
      },
    );
    cancel = () => {
      sub.close();
      reject(new Error('Download cancelled.'));
    };
  });
  return { done, cancel: () => cancel() };
}

/**
 * Uploads files into a folder of a container: announced first (names, sizes), then sent in ordered
 * chunks read from disk a slice at a time, then committed. Aborted on any failure.
 */
export async function uploadFiles(
  hostId: string,
  id: string,
  dir: string,
  files: File[],
  onProgress: (sent: number, total: number) => void,
): Promise<void> {
  const total = files.reduce((n, f) => n + f.size, 0);
  const { uploadId } = await api.containers.filesUploadStart({
    hostId,
    id,
    path: dir,
    files: files.map((f) => ({ name: f.name, size: f.size })),
  });
  let sent = 0;
  try {
    for (const f of files) {
      for (let at = 0; at < f.size; at += UPLOAD_CHUNK_BYTES) {
        const bytes = new Uint8Array(await f.slice(at, at + UPLOAD_CHUNK_BYTES).arrayBuffer());
        await api.containers.filesUploadChunk({ uploadId, bytes });
        sent += bytes.byteLength;
        onProgress(sent, total);
      }
    }
    await api.containers.filesUploadFinish({ uploadId });
  } catch (e) {
    await api.containers.filesUploadAbort({ uploadId }).catch(() => undefined);
    throw e;
  }
}
