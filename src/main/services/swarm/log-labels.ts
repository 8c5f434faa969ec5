/**
 * Rewrites one line of `GET /services/{id}/logs?details=1` into what the log viewer shows:
 * the engine writes "[timestamp ]details message", where details is a comma-separated list of
 * key=value pairs naming the node, service and task; the viewer gets "[timestamp ][label] message".
 */
export interface LabelSource {
  /** "web.2@node-a", or undefined when the task is not known (yet). */
  label(taskId: string, nodeId: string): string | undefined;
}

const TASK_KEY = 'com.docker.swarm.task.id';
const NODE_KEY = 'com.docker.swarm.node.id';

export function parseDetails(details: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of details.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // not URL-encoded after all: keep it as is
    }
    out.set(key, value);
  }
  return out;
}

export interface LabelledLine {
  text: string;
  /** The task id was not in the source: the caller may refresh its task list. */
  unknownTask?: string;
}

export function labelLine(line: string, timestamps: boolean, source: LabelSource): LabelledLine {
  let ts = '';
  let rest = line;
  if (timestamps) {
    const sp = rest.indexOf(' ');
    if (sp < 0) return { text: line };
    ts = rest.slice(0, sp + 1);
    rest = rest.slice(sp + 1);
  }
  const sp = rest.indexOf(' ');
  const details = sp < 0 ? rest : rest.slice(0, sp);
  if (!details.includes(`${TASK_KEY}=`)) return { text: line };
  const message = sp < 0 ? '' : rest.slice(sp + 1);
  const attrs = parseDetails(details);
  const taskId = attrs.get(TASK_KEY) ?? '';
  const nodeId = attrs.get(NODE_KEY) ?? '';
  const label = source.label(taskId, nodeId);
  const shown = label ?? `${taskId.slice(0, 12)}@${nodeId.slice(0, 12)}`;
  const out: LabelledLine = { text: `${ts}[${shown}] ${message}` };
  if (label === undefined) out.unknownTask = taskId;
  return out;
}

/** Splits bytes into complete lines per stream, keeping the unfinished tail for the next chunk. */
export class LineSplitter {
  private tail: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    const data = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const lines: Buffer[] = [];
    let start = 0;
    for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, start)) {
      lines.push(data.subarray(start, i + 1));
      start = i + 1;
    }
    this.tail = Buffer.from(data.subarray(start));
    return lines;
  }

  /** Whatever is left when the stream ends (a last line without a newline). */
  flush(): Buffer | undefined {
    if (this.tail.length === 0) return undefined;
    const rest = Buffer.concat([this.tail, Buffer.from('\n')]);
    this.tail = Buffer.alloc(0);
    return rest;
  }
}
