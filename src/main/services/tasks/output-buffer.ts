/** Lines kept per task: a build can print a lot, a task list must not grow without bound. */
export const MAX_LINES = 5000;
export const MAX_LINE_CHARS = 4000;

type Reader = { onLines(lines: string[]): void; onEnd(): void };

/**
 * A task's output: the last MAX_LINES lines, a count of what was dropped, and readers that get
 * new lines as they come. Line numbers are absolute so a reader can resume where it left off.
 */
export class OutputBuffer {
  private lines: string[] = [];
  private first = 0;
  private ended = false;
  private readers = new Set<Reader>();

  push(line: string): void {
    if (this.ended) return;
    const text = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line;
    this.lines.push(text);
    if (this.lines.length > MAX_LINES) {
      const drop = this.lines.length - MAX_LINES;
      this.lines.splice(0, drop);
      this.first += drop;
    }
    for (const r of this.readers) r.onLines([text]);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const r of [...this.readers]) r.onEnd();
    this.readers.clear();
  }

  get size(): number {
    return this.lines.length;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Lines dropped from the front so far. */
  get dropped(): number {
    return this.first;
  }

  snapshot(): string[] {
    return [...this.lines];
  }

  /** Calls back with each new line; `onEnd` at once if the task already finished. */
  read(reader: Reader): () => void {
    if (this.ended) {
      reader.onEnd();
      return () => undefined;
    }
    this.readers.add(reader);
    return () => this.readers.delete(reader);
  }
}
