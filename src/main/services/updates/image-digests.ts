import { parseImageReference, type ImageReference } from '@shared/contract';

/** An image id as a container may name it instead of a reference: "sha256:<hex>" or bare hex. */
const IMAGE_ID = /^(sha256:)?[a-f0-9]{12,64}$/;

export function looksLikeImageId(s: string): boolean {
  return IMAGE_ID.test(s);
}

/** The name Docker prints for Hub images: "docker.io/library/x" → "x", "docker.io/u/x" → "u/x". */
export function familiarName(name: string): string {
  const noHub = name.startsWith('docker.io/') ? name.slice('docker.io/'.length) : name;
  return noHub.startsWith('library/') && noHub.split('/').length === 2
    ? noHub.slice('library/'.length)
    : noHub;
}

export type RefKind =
  | { kind: 'tag'; ref: ImageReference; reference: string }
  | { kind: 'pinned'; reason: string }
  | { kind: 'invalid'; reason: string };

/** What a container's image reference lets an update check follow. */
export function classifyReference(image: string): RefKind {
  if (looksLikeImageId(image)) return { kind: 'pinned', reason: 'It was created from an image id.' };
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
  if (parsed.ref.digest) return { kind: 'pinned', reason: 'Its image is pinned by digest.' };
  const tag = parsed.ref.tag ?? 'latest';
  return { kind: 'tag', ref: { ...parsed.ref, tag }, reference: `${parsed.ref.name}:${tag}` };
}

/**
 * The digests an image is known by in one repository, from its RepoDigests ("name@sha256:…").
 * The names are compared in their familiar form, as the engine may spell Hub names either way.
 */
export function digestsFor(repoDigests: readonly string[] | undefined, name: string): string[] {
  const want = familiarName(name);
  const out: string[] = [];
  for (const rd of repoDigests ?? []) {
    const at = rd.lastIndexOf('@');
    if (at > 0 && familiarName(rd.slice(0, at)) === want) out.push(rd.slice(at + 1));
  }
  return out;
}
