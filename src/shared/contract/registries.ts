import { z } from 'zod';
import { call } from './define';
import { hostIdSchema } from './ids';
import { imageReferenceSchema } from './image-reference';

export const registryIdSchema = z.string().regex(/^r-[a-z0-9]{1,32}$/, 'not a valid registry id');

/**
 * "host[:port]", optionally written as a URL ("https://index.docker.io/v1/"), as in
 * ~/.docker/config.json.
 */
export const registryAddressSchema = z
  .string()
  .trim()
  .min(1, 'enter the registry address, e.g. registry.example.com:5000')
  .max(512)
  .regex(
    /^(https?:\/\/)?([A-Za-z0-9.-]+|\[[A-Fa-f0-9:]+\])(:[0-9]{1,5})?(\/[A-Za-z0-9._/-]*)?$/,
    'a registry address is host[:port], e.g. registry.example.com:5000',
  );

/** Password, or an access token used as a password; or an identity (OAuth refresh) token. */
export type SecretKind = 'password' | 'identity-token';

/** What the renderer sees of a stored login: never the secret. */
export interface RegistryView {
  id: string;
  address: string;
  username: string;
  secretKind: SecretKind;
  /** Where it came from when imported, e.g. "~/.docker/config.json". */
  importedFrom?: string;
  /**
   * Hosts whose engine may receive this login (X-Registry-Auth): the engine, not Berthmaster, talks
   * to the registry, so a remote engine gets the password. Local socket hosts need no entry.
   */
  allowedHosts: string[];
}

export interface LoginResult {
  /** The engine's words, e.g. "Login Succeeded". */
  status: string;
  address: string;
}

export interface DockerConfigImport {
  configPath: string;
  found: boolean;
  imported: RegistryView[];
  /** Entries not imported, with the reason ("already stored", "no credentials"...). */
  skipped: Array<{ address: string; reason: string }>;
  /** The configured credential store (e.g. "desktop", "osxkeychain"): its secrets are not read. */
  credsStore?: string;
  /** Per-registry credential helpers, also not read. */
  credHelpers: Array<{ address: string; helper: string }>;
}

export interface RegistryMatch {
  /** The registry the reference points at, e.g. "127.0.0.1:5000" or "docker.io". */
  registry: string;
  /** The stored login that will be sent, if any. */
  login?: RegistryView;
}

const username = z.string().trim().max(256);
const secret = z.string().min(1, 'enter the password or token').max(8192);
const secretKind = z.enum(['password', 'identity-token']);

export const registriesContract = {
  list: call<RegistryView[]>()(z.strictObject({})),
  add: call<RegistryView>()(
    z.strictObject({
      address: registryAddressSchema,
      username,
      secret,
      secretKind: secretKind.default('password'),
    }),
  ),
  /** Omitting `secret` keeps the stored one. */
  update: call<RegistryView>()(
    z.strictObject({
      id: registryIdSchema,
      address: registryAddressSchema.optional(),
      username: username.optional(),
      secret: secret.optional(),
      secretKind: secretKind.optional(),
    }),
  ),
  remove: call<void>()(z.strictObject({ id: registryIdSchema })),
  /**
   * Asks an engine to log in (POST /auth): with a stored login (`id`), or with what the form
   * holds (a missing secret falls back to the stored one of `id`).
   */
  testLogin: call<LoginResult>()(
    z.strictObject({
      hostId: hostIdSchema,
      id: registryIdSchema.optional(),
      address: registryAddressSchema.optional(),
      username: username.optional(),
      secret: secret.optional(),
      secretKind: secretKind.optional(),
    }),
    { timeoutMs: 60_000 },
  ),
  /** Copies logins from ~/.docker/config.json `auths`; credential helpers are named, not read. */
  importDockerConfig: call<DockerConfigImport>()(z.strictObject({})),
  /** Lets (or stops) a host's engine receive this login for pulls, pushes and login tests. */
  allowHost: call<RegistryView>()(
    z.strictObject({ id: registryIdSchema, hostId: hostIdSchema, allowed: z.boolean() }),
  ),
  /** Which registry a reference points at, and which stored login a pull or push will use. */
  match: call<RegistryMatch>()(z.strictObject({ reference: imageReferenceSchema })),
};
