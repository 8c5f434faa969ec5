import type Docker from 'dockerode';
import { AppError } from '@shared/contract';
import { engineStream } from '../../engine/request';
import { humanBytes } from '../images/bytes';
import type { TaskControl } from '../tasks/task-registry';
import { pickImage } from '../volumes/volume-helper';

/**
 * Streams an image from one engine to another, as `docker save | docker -H B load` would, and
 * reads the load's answer to its end (the load finishes only then); an error in it is thrown.
 */
async function streamImage(src: Docker, dst: Docker, ref: string, signal: AbortSignal): Promise<void> {
  const saved = await engineStream(src, {
    path: '/images/get',
    method: 'GET',
    query: { names: [ref] },
    signal,
  });
  const loaded = await engineStream(dst, {
    path: '/images/load',
    method: 'POST',
    query: { quiet: true },
    body: saved,
    signal,
  });
  let text = '';
  for await (const chunk of loaded) text += (chunk as Buffer).toString('utf8');
  const error = /"error(?:Detail)?"\s*:\s*(?:\{"message":)?"([^"]+)"/.exec(text)?.[1];
  if (error)
    throw new AppError({ code: 'ENGINE_ERROR', message: `The target could not load ${ref}: ${error}` });
}

/** A move's image copy, said in the task's output. */
export async function copyImage(
  ctl: TaskControl,
  src: Docker,
  dst: Docker,
  ref: string,
  size: number,
): Promise<void> {
  ctl.output(`Copying image ${ref} (≈${humanBytes(size)})`);
  await streamImage(src, dst, ref, ctl.signal);
}

/**
 * Gives an engine with no images at all one image to create helper containers from: the
 * source engine's smallest.
 */
export async function ensureSomeImage(src: Docker, dst: Docker, signal: AbortSignal): Promise<string> {
  const image = await pickImage(src, signal);
  await streamImage(src, dst, image, signal);
  return image;
}
