import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { StackDiagnostic, StackPosition } from '@shared/contract';

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed compose file that still knows where each value came from. */
export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

export function parseYaml(text: string): { source: YamlSource; diagnostics: StackDiagnostic[] } {
  const lines = new LineCounter();
  // YAML 1.2 core schema, as compose-go's parser reads it; merge keys (<<) allowed as in compose.
  const doc = parseDocument(text, { lineCounter: lines, merge: true, prettyErrors: false, uniqueKeys: true });
  const diagnostics: StackDiagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return {
      kind: 'yaml' as const,
      severity: doc.errors.includes(e as never) ? ('error' as const) : ('warning' as const),
      at: { line: pos.line, col: pos.col },
      path: '',
      message: e.message.split('\n')[0] ?? e.message,
    };
  });
  return { source: { doc, lines }, diagnostics };
}

export function formatPath(path: YamlPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}

function position(source: YamlSource, node: Node | null | undefined): StackPosition | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const p = source.lines.linePos(start);
  return { line: p.line, col: p.col };
}

/**
 * Where a path points in the file: the value's node, or (for a key whose value is what is wrong,
 * or a missing child) the nearest node on the way.
 */
export function positionOf(source: YamlSource, path: YamlPath, preferKey = false): StackPosition | undefined {
  let node: unknown = source.doc.contents;
  let best = position(source, node as Node);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return best;
      const keyPos = position(source, pair.key as Node);
      if (i === path.length - 1 && preferKey) return keyPos ?? best;
      node = pair.value;
      best = position(source, node as Node) ?? keyPos ?? best;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      best = position(source, node as Node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

/** Visits every scalar value (not keys), with its path. */
export function walkScalars(
  source: YamlSource,
  visit: (node: import('yaml').Scalar, path: YamlPath) => void,
): void {
  const walk = (node: unknown, path: Array<string | number>) => {
    if (isScalar(node)) visit(node, path);
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(source.doc.contents, []);
}

export function positionOfNode(source: YamlSource, node: Node): StackPosition | undefined {
  return position(source, node);
}
