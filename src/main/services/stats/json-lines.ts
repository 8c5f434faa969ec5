/**
 * Splits newline-delimited JSON that arrives in arbitrary chunks: one chunk may hold several
 * objects or part of one (dockerode #571), so the trailing partial line is kept for the next chunk.
 */
export class JsonLines<T> {
  private partial = '';
  private readonly decoder = new TextDecoder();

  /** Objects completed by this chunk; malformed lines are skipped (and counted). */
  push(chunk: Uint8Array): T[] {
    const text = this.partial + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    const out: T[] = [];
    for (const line of lines) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      try {
        out.push(JSON.parse(trimmed) as T);
      } catch {
        this.malformed++;
      }
    }
    return out;
  }

  malformed = 0;
}
