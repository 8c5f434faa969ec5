import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import {
  AppError,
  parseImageReference,
  type DockerConfigImport,
  type LoginResult,
  type RegistryMatch,
  type RegistryView,
  type SecretKind,
} from '@shared/contract';
import { engineJson, type AuthConfig } from '../../engine/request';
import { readDockerConfig } from './docker-config';
import { normalizeRegistry, serverAddressFor } from './registry-address';
import { engineErrorText } from '../../engine/engine-error';
import { registryError } from './registry-errors';
import { RegistryStore, type StoredRegistry } from './registry-store';
import type { SecretBox } from '../../security/secret-box';

export interface LoginInput {
  address: string;
  username: string;
  secret: string;
  secretKind: SecretKind;
}

/** A host's current endpoint (see endpointKey); undefined for a host that is gone. */
export type EndpointOf = (hostId: string) => string | undefined;

function consentHolds(c: { hostId: string; endpoint: string }, endpointOf: EndpointOf): boolean {
  return c.endpoint !== '' && endpointOf(c.hostId) === c.endpoint;
}

function toView(r: StoredRegistry, endpointOf: EndpointOf): RegistryView {
  const view: RegistryView = {
    id: r.id,
    address: r.address,
    username: r.username,
    secretKind: r.secretKind,
    allowedHosts: r.allowedHosts.filter((c) => consentHolds(c, endpointOf)).map((c) => c.hostId),
  };
  if (r.importedFrom) view.importedFrom = r.importedFrom;
  return view;
}

export function authConfigFor(login: LoginInput): AuthConfig {
  const serveraddress = serverAddressFor(login.address);
  return login.secretKind === 'identity-token'
    ? { identitytoken: login.secret, serveraddress }
    : { username: login.username, password: login.secret, serveraddress };
}

/**
 * Registry logins: stored with their secrets sealed by a SecretBox, never handed to the renderer
 * and never logged; unsealed only to build the X-Registry-Auth header of a pull or push.
 */
/** The engine a login would be sent to. */
export interface CredentialTarget {
  hostId: string;
  /** Its name, for messages. */
  hostName: string;
  /** Its endpoint now (see endpointKey): consent is given to an endpoint, not to an id. */
  endpoint: string;
  /**
   * A socket the user confirmed is this computer's own engine (it could read the secrets here
   * anyway): it may receive logins without asking. Every other host needs the user's consent.
   */
  local: boolean;
}

export class RegistryService {
  private store: RegistryStore;
  private cache: Promise<StoredRegistry[]> | undefined;

  constructor(
    configDir: string,
    private readonly box: SecretBox,
    private readonly endpointOf: EndpointOf = () => undefined,
  ) {
    this.store = new RegistryStore(configDir);
  }

  /**
   * Refuses to hand a stored login to a remote engine the user has not allowed: X-Registry-Auth
   * gives that engine (and whoever controls it) the password.
   */
  private requireConsent(r: StoredRegistry, target: CredentialTarget) {
    if (target.local) return;
    if (r.allowedHosts.some((c) => c.hostId === target.hostId && c.endpoint === target.endpoint)) return;
    throw new AppError({
      code: 'PERMISSION_DENIED',
      message:
        `The login of ${r.username || '(token)'} for ${r.address} is not allowed on ${target.hostName}: ` +
        `its engine would receive the password. Choose "Allow for this host" (or tick ${target.hostName} ` +
        'in Registries) to let it.',
      data: { registryConsent: true, registryId: r.id, registry: r.address, hostId: target.hostId },
    });
  }

  /** Throws PERMISSION_DENIED when a pull or push of `reference` would send a login not allowed on the host. */
  async checkConsent(reference: string, target: CredentialTarget): Promise<void> {
    const parsed = parseImageReference(reference);
    if (!parsed.ok) return;
    const found = await this.findFor(parsed.ref.registry);
    if (found) this.requireConsent(found, target);
  }

  async allowHost(id: string, target: CredentialTarget, allowed: boolean): Promise<RegistryView> {
    const prev = await this.require(id);
    const others = prev.allowedHosts.filter((c) => c.hostId !== target.hostId);
    const next: StoredRegistry = {
      ...prev,
      allowedHosts: allowed ? [...others, { hostId: target.hostId, endpoint: target.endpoint }] : others,
    };
    await this.persist((await this.all()).map((r) => (r.id === id ? next : r)));
    return this.toView(next);
  }

  private toView(r: StoredRegistry): RegistryView {
    return toView(r, this.endpointOf);
  }

  private all(): Promise<StoredRegistry[]> {
    this.cache ??= this.store
      .load()
      .then((loaded) => this.bindLegacyConsents(loaded))
      .catch((e: unknown) => {
        this.cache = undefined;
        throw e;
      });
    return this.cache;
  }

  /**
   * Consents written before they were tied to an endpoint (a bare host id) were given to the
   * host as it is now: they are bound to its current endpoint once, so a login keeps working
   * after an upgrade and a later edit of the address still voids it.
   */
  private async bindLegacyConsents(loaded: StoredRegistry[]): Promise<StoredRegistry[]> {
    let changed = false;
    const next = loaded.map((r) => ({
      ...r,
      allowedHosts: r.allowedHosts.flatMap((c) => {
        if (c.endpoint !== '') return [c];
        const endpoint = this.endpointOf(c.hostId);
        if (endpoint === undefined) return [c];
        changed = true;
        return [{ hostId: c.hostId, endpoint }];
      }),
    }));
    if (changed) await this.store.save(next);
    return next;
  }

  private async persist(next: StoredRegistry[]) {
    await this.store.save(next);
    this.cache = Promise.resolve(next);
  }

  private async require(id: string): Promise<StoredRegistry> {
    const r = (await this.all()).find((x) => x.id === id);
    if (!r) throw new AppError({ code: 'NOT_FOUND', message: 'That registry login no longer exists.' });
    return r;
  }

  /** One stored login as the renderer may see it. */
  async view(id: string): Promise<RegistryView> {
    return this.toView(await this.require(id));
  }

  async list(): Promise<RegistryView[]> {
    return (await this.all()).map((r) => this.toView(r));
  }

  private async refuseDuplicate(address: string, username: string, exceptId?: string) {
    const norm = normalizeRegistry(address);
    const clash = (await this.all()).find(
      (r) => r.id !== exceptId && normalizeRegistry(r.address) === norm && r.username === username,
    );
    if (clash) {
      throw new AppError({
        code: 'CONFLICT',
        message: `A login for ${username || 'this user'} at ${clash.address} is already stored.`,
      });
    }
  }

  async add(input: LoginInput & { importedFrom?: string }): Promise<RegistryView> {
    await this.refuseDuplicate(input.address, input.username);
    const id = `r-${randomBytes(6).toString('hex')}`;
    const stored: StoredRegistry = {
      id,
      address: input.address.trim(),
      username: input.username,
      secretKind: input.secretKind,
      secret: await this.box.seal(input.secret, id),
      allowedHosts: [],
    };
    if (input.importedFrom) stored.importedFrom = input.importedFrom;
    await this.persist([...(await this.all()), stored]);
    return this.toView(stored);
  }

  async update(patch: Partial<LoginInput> & { id: string }): Promise<RegistryView> {
    const prev = await this.require(patch.id);
    const moved =
      patch.address !== undefined && normalizeRegistry(patch.address) !== normalizeRegistry(prev.address);
    if (moved && patch.secret === undefined) {
      // Otherwise an edit could send the stored password to a registry it was never meant for.
      throw new AppError({
        code: 'INVALID_INPUT',
        message: 'Enter the password or token again: a stored one does not follow a change of registry.',
      });
    }
    const next: StoredRegistry = {
      ...prev,
      address: patch.address?.trim() ?? prev.address,
      username: patch.username ?? prev.username,
      secretKind: patch.secretKind ?? prev.secretKind,
      secret: patch.secret !== undefined ? await this.box.seal(patch.secret, prev.id) : prev.secret,
      // Consent was given for this registry: a login moved elsewhere starts without it.
      allowedHosts: moved ? [] : prev.allowedHosts,
    };
    await this.refuseDuplicate(next.address, next.username, next.id);
    await this.persist((await this.all()).map((r) => (r.id === next.id ? next : r)));
    return this.toView(next);
  }

  async remove(id: string): Promise<void> {
    await this.require(id);
    await this.persist((await this.all()).filter((r) => r.id !== id));
  }

  /**
   * A stored login with its secret unsealed (for one request; never cached in the clear), for
   * an engine the user allowed to receive it.
   */
  async login(id: string, target: CredentialTarget): Promise<LoginInput> {
    const r = await this.require(id);
    this.requireConsent(r, target);
    return {
      address: r.address,
      username: r.username,
      secretKind: r.secretKind,
      secret: await this.box.open(r.secret, r.id),
    };
  }

  private async findFor(registry: string): Promise<StoredRegistry | undefined> {
    const norm = normalizeRegistry(registry);
    return (await this.all()).find((r) => normalizeRegistry(r.address) === norm);
  }

  async match(reference: string): Promise<RegistryMatch> {
    const parsed = parseImageReference(reference);
    if (!parsed.ok) throw new AppError({ code: 'INVALID_INPUT', message: parsed.reason });
    const found = await this.findFor(parsed.ref.registry);
    const m: RegistryMatch = { registry: parsed.ref.registry };
    if (found) m.login = this.toView(found);
    return m;
  }

  /**
   * The X-Registry-Auth for a reference's registry on one host; `{}` when no login is stored for
   * it; PERMISSION_DENIED when there is one the host is not allowed to receive.
   */
  async authFor(
    registry: string,
    target: CredentialTarget,
  ): Promise<{ auth: AuthConfig; login?: RegistryView }> {
    const found = await this.findFor(registry);
    if (!found) return { auth: {} };
    return { auth: authConfigFor(await this.login(found.id, target)), login: this.toView(found) };
  }

  /** POST /auth on an engine: the engine, not Berthmaster, talks to the registry. */
  async testLogin(docker: Docker, login: LoginInput, signal: AbortSignal): Promise<LoginResult> {
    const address = normalizeRegistry(login.address);
    try {
      const res = await engineJson<{ Status?: string }>(docker, {
        path: '/auth',
        method: 'POST',
        json: authConfigFor(login),
        ok: [204],
        signal,
      });
      return { status: res?.Status || 'Login Succeeded', address };
    } catch (e) {
      const text = engineErrorText(e);
      if (text === undefined) throw e;
      throw registryError('login', address, text);
    }
  }

  async importDockerConfig(file: string, shownPath: string): Promise<DockerConfigImport> {
    const read = await readDockerConfig(file);
    const result: DockerConfigImport = {
      configPath: shownPath,
      found: read.found,
      imported: [],
      skipped: [...read.skipped],
      credHelpers: read.credHelpers,
    };
    if (read.credsStore) result.credsStore = read.credsStore;
    for (const login of read.logins) {
      const norm = normalizeRegistry(login.address);
      const existing = (await this.all()).find(
        (r) => normalizeRegistry(r.address) === norm && r.username === login.username,
      );
      if (existing) {
        result.skipped.push({ address: login.address, reason: 'a login for this user is already stored' });
        continue;
      }
      result.imported.push(await this.add({ ...login, importedFrom: shownPath }));
    }
    return result;
  }
}
