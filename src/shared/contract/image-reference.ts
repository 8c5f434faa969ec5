import { z } from 'zod';

/**
 * The image reference grammar of the distribution project (the one `docker pull` uses):
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component { "/" path-component }
 * Checked here, in shared code, so a malformed reference is refused before any request and the
 * form can say why while the user types. A valid reference is also safe to put in a URL path
 * (dockerode concatenates it): no "?", "#", ".." segment or whitespace can pass.
 */
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[[a-fA-F0-9:]+\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]{1,5})?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME_ONLY = new RegExp(`^${NAME}$`);

export const MAX_NAME_LENGTH = 255;
export const DOCKER_HUB = 'docker.io';

export interface ImageReference {
  /** The repository as written, e.g. "127.0.0.1:5000/team/app" or "busybox". */
  name: string;
  /** The registry host[:port]; "docker.io" when the name has none. */
  registry: string;
  tag?: string;
  digest?: string;
}

export type ParseResult = { ok: true; ref: ImageReference } | { ok: false; reason: string };

/** Docker's rule: the first component names a registry when it has a dot, a port, or is localhost. */
export function registryOfName(name: string): string {
  const slash = name.indexOf('/');
  if (slash < 0) return DOCKER_HUB;
  const first = name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
    return first;
  }
  return DOCKER_HUB;
}

export function parseImageReference(input: string): ParseResult {
  const s = input.trim();
  if (!s) return { ok: false, reason: 'enter an image reference, e.g. registry:5000/team/app:1.0' };
  if (/\s/.test(s)) return { ok: false, reason: 'an image reference has no spaces' };
  const m = REFERENCE.exec(s);
  if (!m) {
    if (REFERENCE.test(s.toLowerCase()))
      return { ok: false, reason: 'the repository name must be lowercase' };
    if (/:[^/@]{129,}(@|$)/.test(s)) return { ok: false, reason: 'a tag has at most 128 characters' };
    return {
      ok: false,
      reason:
        'not a valid image reference: expected [registry/]name[:tag][@digest], e.g. 127.0.0.1:5000/app:1.0',
    };
  }
  const name = m[1] as string;
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, reason: `the repository name is longer than ${MAX_NAME_LENGTH} characters` };
  }
  const ref: ImageReference = { name, registry: registryOfName(name) };
  if (m[2]) ref.tag = m[2];
  if (m[3]) ref.digest = m[3];
  return { ok: true, ref };
}

/** "name:tag" or "name@digest" as the engine wants it; a bare name means ":latest". */
export function formatReference(ref: ImageReference): string {
  if (ref.digest) return `${ref.name}${ref.tag ? `:${ref.tag}` : ''}@${ref.digest}`;
  return `${ref.name}:${ref.tag ?? 'latest'}`;
}

export function isValidRepositoryName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NAME_ONLY.test(name);
}

const refine = (s: string, ctx: z.RefinementCtx) => {
  const r = parseImageReference(s);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
};

/** Any valid reference (tag and/or digest optional). */
export const imageReferenceSchema = z.string().max(1024).superRefine(refine);

/** A reference that can be a tag target or pushed: name with an optional tag, no digest. */
export const taggableReferenceSchema = z
  .string()
  .max(1024)
  .superRefine((s, ctx) => {
    const r = parseImageReference(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
    else if (r.ref.digest)
      ctx.addIssue({ code: 'custom', message: 'a digest cannot be used here, only a tag' });
  });

const IMAGE_ID = /^(sha256:)?[a-f0-9]{12,64}$/;

/** An image id (full, short, with or without "sha256:") or a reference to one. */
export const imageRefSchema = z
  .string()
  .max(1024)
  .refine((s) => IMAGE_ID.test(s) || parseImageReference(s).ok, 'not a valid image id or reference');
