/**
 * IPv4/IPv6 addresses and CIDR blocks as BigInts, so one code path serves both families. Shared by
 * the renderer (to show errors next to fields) and main (the contract's zod refinements), which
 * must agree on what is valid.
 */

export type IpFamily = 4 | 6;

export interface Ip {
  family: IpFamily;
  value: bigint;
}

export interface Cidr {
  family: IpFamily;
  /** The first address of the block (host bits zero). */
  network: bigint;
  prefix: number;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let head = text;
  let tailV4: bigint | null = null;
  // An embedded IPv4 address takes the last 32 bits (e.g. ::ffff:10.0.0.1).
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    // Two placeholder groups stand in for the IPv4 part; they are overwritten below.
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groupsOf(halves[0] ?? '');
  const right = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const total = left.length + right.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const groups = [...left, ...Array<string>(8 - total).fill('0'), ...right];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== null) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** An address in canonical dotted or colon form; null when it is not one. Zones are refused. */
export function parseIp(text: string): Ip | null {
  const t = text.trim();
  if (t.includes(':')) {
    const v = parseIpv6(t);
    return v === null ? null : { family: 6, value: v };
  }
  const v = parseIpv4(t);
  return v === null ? null : { family: 4, value: v };
}

function mask(family: IpFamily, prefix: number): bigint {
  const bits = BITS[family];
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

export type CidrProblem =
  { kind: 'syntax' } | { kind: 'prefix'; max: number } | { kind: 'host-bits'; suggestion: string };

/** Parses "a.b.c.d/n" or "x::/n"; explains what is wrong when it is not a valid block. */
export function checkCidr(text: string): { ok: true; cidr: Cidr } | { ok: false; problem: CidrProblem } {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0) return { ok: false, problem: { kind: 'syntax' } };
  const ip = parseIp(t.slice(0, slash));
  const prefixText = t.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(prefixText)) return { ok: false, problem: { kind: 'syntax' } };
  const prefix = Number(prefixText);
  const max = BITS[ip.family];
  if (prefix > max) return { ok: false, problem: { kind: 'prefix', max } };
  const network = ip.value & mask(ip.family, prefix);
  if (network !== ip.value) {
    return {
      ok: false,
      problem: { kind: 'host-bits', suggestion: formatCidr({ family: ip.family, network, prefix }) },
    };
  }
  return { ok: true, cidr: { family: ip.family, network, prefix } };
}

export function parseCidr(text: string): Cidr | null {
  const r = checkCidr(text);
  return r.ok ? r.cidr : null;
}

export function formatIp(ip: Ip): string {
  if (ip.family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  // Compress the longest run of two or more zero groups (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function formatCidr(c: Cidr): string {
  return `${formatIp({ family: c.family, value: c.network })}/${c.prefix}`;
}

export function cidrContainsIp(c: Cidr, ip: Ip): boolean {
  return c.family === ip.family && (ip.value & mask(c.family, c.prefix)) === c.network;
}

export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.family === inner.family &&
    inner.prefix >= outer.prefix &&
    (inner.network & mask(outer.family, outer.prefix)) === outer.network
  );
}

/** The last address of the block (the IPv4 broadcast address). */
export function lastAddress(c: Cidr): bigint {
  return c.network | (~mask(c.family, c.prefix) & ((1n << BigInt(BITS[c.family])) - 1n));
}

/** A sentence for a field that should hold a CIDR block. */
export function describeCidrProblem(text: string, problem: CidrProblem): string {
  switch (problem.kind) {
    case 'syntax':
      return `"${text.trim()}" is not a CIDR block: write an address and a prefix length, e.g. 172.28.0.0/16.`;
    case 'prefix':
      return `The prefix length must be at most ${problem.max}.`;
    case 'host-bits':
      return `Host bits are set after the prefix: did you mean ${problem.suggestion}?`;
  }
}

/** Whether `ip` may be given to a host in `subnet`: inside it and, for IPv4, not its first or last address. */
export function usableHostProblem(subnet: Cidr, ip: Ip, what: string): string | null {
  const block = formatCidr(subnet);
  if (!cidrContainsIp(subnet, ip)) return `The ${what} ${formatIp(ip)} is not inside the subnet ${block}.`;
  if (subnet.family === 4 && subnet.prefix <= 30) {
    if (ip.value === subnet.network) {
      return `The ${what} cannot be ${formatIp(ip)}: it is the network address of ${block}.`;
    }
    if (ip.value === lastAddress(subnet)) {
      return `The ${what} cannot be ${formatIp(ip)}: it is the broadcast address of ${block}.`;
    }
  }
  return null;
}
