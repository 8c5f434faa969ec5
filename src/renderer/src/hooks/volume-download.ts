import type { AppError } from '@shared/contract';
import { api } from '../rpc/api';

export interface DownloadHandle {
  cancel(): void;
  done: Promise<void>;
}

/** "/" → "<volume>.tar", "/a/b" → "b.tar". */
export function archiveName(volume: string, path: string): string {
  const base = path.split('/').filter(Boolean).pop();
  return `${base ?? volume}.tar`;
}

/**
 * Streams a path of a volume as a tar and saves it through the browser (a Blob and a download
 * link): the same in Electron and in browser mode.
 */
export function downloadFromVolume(
  hostId: string,
  volume: string,
  path: string,
  onProgress: (bytes: number) => void,
): DownloadHandle {
  const chunks: Uint8Array[] = [];
  let received = 0;
  let close = () => undefined as void;
  const done = new Promise<void>((resolve, reject) => {
    const sub = api.volumes.download(
      { hostId, name: volume, path },
      {
        onEvent: (e) => {
          chunks.push(e.bytes);
          received += e.bytes.length;
          onProgress(received);
        },
        onEnd: (err?: AppError) => {
          if (err) return reject(err);
          const blob = new Blob(chunks as BlobPart[], { type: 'application/x-tar' });
          const url = URL.createObjectURL(blob);
          const a = document.createElement('a');
          a.href = url;
          a.download = archiveName(volume, path);
          document.body.append(a);
          a.click();
          a.remove();
          window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
          resolve();
        },
      },
    );
    close = () => {
      sub.close();
      resolve();
    };
  });
  return { cancel: () => close(), done };
}
