import type { EndpointView, PortBinding } from '@shared/contract';

export interface PortLink {
  /** e.g. "8080→80/tcp" or "127.0.0.1:8080→80/tcp". */
  text: string;
  /** Set when a browser can open it: http://host:port. */
  href?: string;
  title: string;
}

const WILDCARDS = new Set(['', '0.0.0.0', '::']);
const isLoopback = (ip: string) => ip.startsWith('127.') || ip === '::1';
const urlHost = (h: string) => (h.includes(':') ? `[${h}]` : h);

/** The address a published port of this host is reached at: its endpoint's host, or localhost. */
export function hostAddressOf(endpoint: EndpointView): string | undefined {
  return endpoint.kind === 'socket' ? 'localhost' : endpoint.host;
}

/**
 * Published ports as links to http://host:port, where "host" is the engine's host as seen from
 * here. Ports bound to a remote host's loopback, and UDP ports, are shown without a link.
 */
export function portLinks(ports: PortBinding[], endpoint: EndpointView): PortLink[] {
  const remote = endpoint.kind !== 'socket';
  const base = hostAddressOf(endpoint);
  const v4 = new Set(
    ports.filter((p) => p.ip === '0.0.0.0').map((p) => `${p.publicPort}/${p.privatePort}/${p.type}`),
  );
  const seen = new Set<string>();
  const out: PortLink[] = [];
  const sorted = [...ports].sort(
    (a, b) => (a.publicPort ?? 0) - (b.publicPort ?? 0) || a.privatePort - b.privatePort,
  );
  for (const p of sorted) {
    if (p.publicPort === undefined) continue;
    const ip = p.ip ?? '';
    // `0.0.0.0:8080→80` and `[::]:8080→80` are one published port to the user.
    if (ip === '::' && v4.has(`${p.publicPort}/${p.privatePort}/${p.type}`)) continue;
    const text = `${WILDCARDS.has(ip) ? '' : `${urlHost(ip)}:`}${p.publicPort}→${p.privatePort}/${p.type}`;
    if (seen.has(text)) continue;
    seen.add(text);
    if (p.type !== 'tcp') {
      out.push({ text, title: `${text} (not a web port)` });
      continue;
    }
    let host: string | undefined;
    if (WILDCARDS.has(ip)) host = base;
    else if (isLoopback(ip)) host = remote ? undefined : ip;
    else host = ip;
    if (host === undefined) {
      out.push({ text, title: `${text}: bound to the remote host's loopback, not reachable from here` });
      continue;
    }
    const href = `http://${urlHost(host)}:${p.publicPort}`;
    out.push({ text, href, title: `Open ${href}` });
  }
  return out;
}

/**
 * The container's TCP ports a browser here cannot open directly: exposed but unpublished, or
 * published only on a remote host's loopback. A forward reaches them (lowest first).
 */
export function unreachablePorts(ports: PortBinding[], endpoint: EndpointView): number[] {
  const reachable = new Set<number>();
  const all = new Set<number>();
  const remote = endpoint.kind !== 'socket';
  for (const p of ports) {
    if (p.type !== 'tcp') continue;
    all.add(p.privatePort);
    if (p.publicPort === undefined) continue;
    const ip = p.ip ?? '';
    if (!(remote && isLoopback(ip))) reachable.add(p.privatePort);
  }
  return [...all].filter((p) => !reachable.has(p)).sort((a, b) => a - b);
}
