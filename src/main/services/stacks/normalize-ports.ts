import type { StackPort } from '@shared/contract';

export class FieldError extends Error {}

type Protocol = StackPort['protocol'];

function range(text: string, what: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new FieldError(`"${text}" is not a valid ${what}.`);
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo < 1 || hi > 65535 || hi < lo) throw new FieldError(`"${text}" is not a valid ${what}.`);
  return [lo, hi];
}

function protocolOf(text: string | undefined): Protocol {
  const p = (text ?? 'tcp').toLowerCase();
  if (p !== 'tcp' && p !== 'udp' && p !== 'sctp')
    throw new FieldError(`"${p}" is not a protocol (tcp, udp, sctp).`);
  return p;
}

function expand(
  targets: [number, number],
  published: [number, number] | undefined,
  hostIp: string | undefined,
  protocol: Protocol,
): StackPort[] {
  const count = targets[1] - targets[0] + 1;
  if (published && published[1] - published[0] + 1 !== count && published[0] !== published[1]) {
    throw new FieldError(
      `the host range ${published[0]}-${published[1]} and the container range ${targets[0]}-${targets[1]} differ in size.`,
    );
  }
  const out: StackPort[] = [];
  for (let i = 0; i < count; i++) {
    const port: StackPort = { target: targets[0] + i, protocol };
    if (published) port.published = published[0] === published[1] ? published[0] : published[0] + i;
    if (hostIp) port.hostIp = hostIp;
    out.push(port);
  }
  return out;
}

/** Short syntax: "[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]", or a bare number. */
export function parseShortPort(spec: string | number): StackPort[] {
  if (typeof spec === 'number') return expand(range(String(spec), 'port'), undefined, undefined, 'tcp');
  const [body, proto] = spec.split('/') as [string, string | undefined];
  const protocol = protocolOf(proto);
  let hostIp: string | undefined;
  let rest = body;
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(body);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2] ?? '';
  }
  const parts = rest.split(':');
  if (!v6 && parts.length === 3) hostIp = parts.shift();
  if (parts.length > 2) throw new FieldError(`"${spec}" is not a valid port mapping.`);
  const target = range(parts[parts.length - 1] ?? '', 'container port');
  const hostPart = parts.length === 2 ? parts[0] : undefined;
  const published = hostPart ? range(hostPart, 'host port') : undefined;
  return expand(target, published, hostIp || undefined, protocol);
}

/** Long syntax: { target, published, host_ip, protocol, mode }. */
export function parseLongPort(spec: Record<string, unknown>): StackPort[] {
  const target = range(String(spec.target ?? ''), 'container port');
  const published =
    spec.published === undefined || spec.published === ''
      ? undefined
      : range(String(spec.published), 'host port');
  const hostIp = typeof spec.host_ip === 'string' && spec.host_ip ? spec.host_ip : undefined;
  return expand(target, published, hostIp, protocolOf(spec.protocol as string | undefined));
}
