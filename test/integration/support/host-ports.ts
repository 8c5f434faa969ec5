import { readFileSync } from 'node:fs';

/**
 * Host ports for tests that publish container ports. A plain random pick in 20000-40000 could
 * land on a port that something already listens on (the kernel hands out listeners on port 0 from
 * 32768 up, and the tests' own servers are such listeners), and the engine's refusal then reads
 * like an app bug. Picks stay below the ephemeral range, skip every port listening on this
 * machine now, and are never handed out twice by one process.
 */
const LOW = 20_000;
const HIGH = 32_768;
const handedOut = new Set<number>();

/** Ports in LISTEN state, from the kernel's own tables (IPv4 and IPv6). */
function listeningPorts(): Set<number> {
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6 table on this machine
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || !local) continue; // 0A is TCP_LISTEN
      ports.add(parseInt(local.split(':').at(-1) ?? '', 16));
    }
  }
  return ports;
}

/** `count` consecutive free ports (a compose range like `P1-P2` needs them side by side). */
export function freeHostPorts(count = 1): number[] {
  const busy = listeningPorts();
  for (let attempt = 0; attempt < 1000; attempt++) {
    const first = LOW + Math.floor(Math.random() * (HIGH - LOW - count));
    const ports = Array.from({ length: count }, (_, i) => first + i);
    if (ports.some((p) => busy.has(p) || handedOut.has(p))) continue;
    ports.forEach((p) => handedOut.add(p));
    return ports;
  }
  throw new Error(`no ${count} free consecutive ports between ${LOW} and ${HIGH}`);
}

export function freeHostPort(): number {
  return freeHostPorts(1)[0] as number;
}
