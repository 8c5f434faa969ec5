import type Docker from 'dockerode';
import { AppError } from '@shared/contract';
import { engineStream } from '../../engine/request';
import { humanBytes } from '../images/bytes';
import type { TaskControl } from '../tasks/task-registry';

/** Streams an image from one engine to another, as `docker save | docker -H B load` would. */
export async function copyImage(
  ctl: TaskControl,
  src: Docker,
  dst: Docker,
  ref: string,
  size: number,
): Promise<void> {
  ctl.output(`Copying image ${ref} (≈${humanBytes(size)})`);
  const saved = await engineStream(src, {
    path: '/images/get',
    method: 'GET',
    query: { names: [ref] },
    signal: ctl.signal,
  });
  const loaded = await engineStream(dst, {
    path: '/images/load',
    method: 'POST',
    query: { quiet: true },
    body: saved,
    signal: ctl.signal,
  });
  let text = '';
  for await (const chunk of loaded) text += (chunk as Buffer).toString('utf8');
  const error = /"error(?:Detail)?"\s*:\s*(?:\{"message":)?"([^"]+)"/.exec(text)?.[1];
  if (error)
    throw new AppError({ code: 'ENGINE_ERROR', message: `The target could not load ${ref}: ${error}` });
}
