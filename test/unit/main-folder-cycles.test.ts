import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(__dirname, '../../src/main');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** "services/images", "engine", "web"…: the folder a file belongs to, as the architecture names it. */
function unitOf(file: string): string {
  const parts = path.relative(MAIN, file).split(path.sep);
  if (parts[0] === 'services' && parts.length > 2) return `services/${parts[1]}`;
  return parts.length > 1 ? (parts[0] as string) : '.';
}

/** Folder-to-folder edges from relative imports (type-only imports count: they still couple). */
export function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files(MAIN)) {
    const from = unitOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bfrom\s+'(\.[^']+)'/g)) {
      const to = unitOf(path.resolve(path.dirname(file), m[1] as string));
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>, among: (unit: string) => boolean): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (u: string): string[] | undefined => {
    state.set(u, 'open');
    stack.push(u);
    for (const v of graph.get(u) ?? []) {
      if (!among(v)) continue;
      if (state.get(v) === 'open') return [...stack.slice(stack.indexOf(v)), v];
      if (!state.has(v)) {
        const found = visit(v);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(u, 'done');
    return undefined;
  };
  for (const u of graph.keys()) {
    if (!among(u) || state.has(u)) continue;
    const found = visit(u);
    if (found) return found;
  }
  return undefined;
}

const layered = (u: string) => u.startsWith('services/') || u === 'engine';

describe('main-process folders', () => {
  it('have no import cycle among the service folders and the engine kernel', () => {
    expect(findCycle(folderGraph(), layered)).toBeUndefined();
  });

  it('the engine kernel imports no service', () => {
    expect([...(folderGraph().get('engine') ?? [])].filter((u) => u.startsWith('services/'))).toEqual([]);
  });

  it('the check finds a cycle when there is one', () => {
    const g = new Map([
      ['services/images', new Set(['services/registries'])],
      ['services/registries', new Set(['services/images'])],
    ]);
    expect(findCycle(g, layered)).toEqual(['services/images', 'services/registries', 'services/images']);
  });
});
