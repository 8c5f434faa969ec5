import { DOCKER_HUB } from '@shared/contract';

/** Names under which Docker Hub appears in configs and references. */
const HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/**
 * "https://index.docker.io/v1/" → "docker.io", "HTTP://Reg.example:5000/" → "reg.example:5000":
 * the form in which a stored login is matched against the registry of a reference.
 */
export function normalizeRegistry(address: string): string {
  let host = address.trim().replace(/^[a-z]+:\/\//i, '');
  const slash = host.indexOf('/');
  if (slash >= 0) host = host.slice(0, slash);
  host = host.toLowerCase();
  if (HUB_ALIASES.has(host)) return DOCKER_HUB;
  return host;
}

/** The server address the engine expects in an auth config ("a domain/IP without a protocol"). */
export function serverAddressFor(registry: string): string {
  const norm = normalizeRegistry(registry);
  // The engine keys Docker Hub logins by its legacy index URL.
  return norm === DOCKER_HUB ? 'https://index.docker.io/v1/' : norm;
}
