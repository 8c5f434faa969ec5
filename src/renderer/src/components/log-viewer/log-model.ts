import { LOG_STDERR, LOG_STDOUT } from '@shared/contract';
import { LineRing, DEFAULT_MAX_LINES } from './line-ring';
import { LogDecoder, type LineBatch } from './log-decoder';
import type { CompiledSearch } from './search';
import { SeqIndex } from './seq-index';

export interface LogFilters {
  showStdout: boolean;
  showStderr: boolean;
  search: CompiledSearch | undefined;
  /** Show only the lines that match the search. */
  onlyMatches: boolean;
}

const ALL: LogFilters = { showStdout: true, showStderr: true, search: undefined, onlyMatches: false };

/**
 * Everything the log viewer knows, outside React: the bounded line buffer, the decoder of the
 * current stream, and indexes of the rows on screen (when a filter is on) and of search matches.
 * New lines update the indexes incrementally; only a filter change rescans the buffer.
 */
export class LogModel {
  readonly ring: LineRing;
  private decoder = new LogDecoder(true);
  private filters: LogFilters = ALL;
  /** Rows shown, when a filter hides some; undefined means every line in the ring. */
  private rows: SeqIndex | undefined;
  readonly matches = new SeqIndex();
  /** Rows that scrolled out of the top of the view because the buffer dropped them. */
  rowsDroppedFromTop = 0;

  constructor(capacity: number = DEFAULT_MAX_LINES) {
    this.ring = new LineRing(capacity);
  }

  /** Starts a fresh stream (a new decoder); `keep` false also empties the buffer. */
  restart(keep: boolean): void {
    this.decoder = new LogDecoder(true);
    if (!keep) {
      this.ring.clear();
      this.rows?.clear();
      this.matches.clear();
      this.rowsDroppedFromTop = 0;
    }
  }

  ingest(text: string, runs: readonly number[]): void {
    this.append(this.decoder.pushBatch(text, runs));
  }

  /** The stream ended: an unterminated last line is a line too. */
  finish(): void {
    this.append(this.decoder.flushBatch());
  }

  setFilters(filters: LogFilters): void {
    this.filters = filters;
    const needsRows = !filters.showStdout || !filters.showStderr || (filters.onlyMatches && !!filters.search);
    this.rows = needsRows ? new SeqIndex() : undefined;
    this.matches.clear();
    for (let seq = this.ring.firstSeq; seq < this.ring.total; seq++) this.index(seq);
  }

  get rowCount(): number {
    return this.rows ? this.rows.length : this.ring.size;
  }

  rowSeq(row: number): number | undefined {
    if (this.rows) return this.rows.at(row);
    return row >= 0 && row < this.ring.size ? this.ring.firstSeq + row : undefined;
  }

  /** Row showing line `seq`, or -1 when it is filtered out or gone. */
  rowOf(seq: number): number {
    if (!this.ring.has(seq)) return -1;
    return this.rows ? this.rows.indexOf(seq) : seq - this.ring.firstSeq;
  }

  /** The filtered rows as plain text (for copy and save), one string per line. */
  *plainRows(withTimestamps: boolean): Generator<string> {
    for (let row = 0; row < this.rowCount; row++) {
      const seq = this.rowSeq(row) as number;
      const ts = withTimestamps ? this.ring.ts(seq) : '';
      yield ts ? `${ts} ${this.ring.plain(seq)}` : this.ring.plain(seq);
    }
  }

  private visibleStream(seq: number): boolean {
    const s = this.ring.stream(seq);
    if (s === LOG_STDOUT) return this.filters.showStdout;
    if (s === LOG_STDERR) return this.filters.showStderr;
    return true; // the engine's own errors are always shown
  }

  private index(seq: number): void {
    if (!this.visibleStream(seq)) return;
    const match = this.filters.search ? this.filters.search.test(this.ring.plain(seq)) : false;
    if (match) this.matches.push(seq);
    if (this.rows && (!this.filters.onlyMatches || !this.filters.search || match)) this.rows.push(seq);
  }

  private append(batch: LineBatch | undefined): void {
    if (!batch) return;
    const droppedBefore = this.ring.dropped;
    const from = this.ring.total;
    this.ring.pushBatch(batch);
    // Nothing to index when every line is shown and nothing is searched (the common, fast case).
    if (this.rows || this.filters.search) {
      // Lines of this batch dropped at once (a batch bigger than the buffer) are skipped.
      for (let seq = Math.max(from, this.ring.firstSeq); seq < this.ring.total; seq++) this.index(seq);
    }
    const first = this.ring.firstSeq;
    this.matches.trimBelow(first);
    if (this.rows) this.rowsDroppedFromTop += this.rows.trimBelow(first);
    else this.rowsDroppedFromTop += this.ring.dropped - droppedBefore;
  }
}
