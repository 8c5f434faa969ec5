import type Docker from 'dockerode';
import { engineStream } from '../../engine/request';
import { pickImage } from '../volumes/volume-helper';

/**
 * Gives an engine with no images at all one image to create helper containers from: the
 * source engine's smallest, streamed over as `docker save | docker load` would.
 */
export async function ensureSomeImage(src: Docker, dst: Docker, signal: AbortSignal): Promise<string> {
  const image = await pickImage(src, signal);
  const saved = await engineStream(src, {
    path: '/images/get',
    method: 'GET',
    query: { names: [image] },
    signal,
  });
  const loaded = await engineStream(dst, {
    path: '/images/load',
    method: 'POST',
    query: { quiet: true },
    body: saved,
    signal,
  });
  // The answer is a short JSON stream; it must be read to its end for the load to finish.
  for await (const chunk of loaded) void chunk;
  return image;
}
