import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** One target of a scenario, as a row of the BENCHMARKS.md table. */
export interface BenchCheck {
  /** What is measured ("list call", "rows painted"). */
  label: string;
  /** The target from issue #9, as a sentence ("<= 1.15x"). */
  target: string;
  /** Berthmaster's figure and the reference's, human-readable. */
  berthmaster: string;
  reference: string;
  /** Berthmaster relative to the reference measured in the same run, when there is one. */
  ratio?: number;
  met: boolean;
}

/** One scenario's outcome: printed as one line and kept for BENCHMARKS.md. */
export interface BenchResult {
  name: string;
  /** Berthmaster relative to the docker CLI / raw Engine API, measured in the same run. */
  ratio: number;
  /** The figures behind the ratio, for the printed line. */
  figures: string;
  checks: BenchCheck[];
}

export const RESULTS_FILE = process.env.BENCH_RESULTS ?? path.resolve('out-bench/bench-results.jsonl');

export function record(r: BenchResult): void {
  const line = `bench ${r.name}: ${r.ratio.toFixed(2)}x (${r.figures})`;
  // The one line per scenario the issue asks for.
  console.log(line);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, JSON.stringify({ ...r, line }) + '\n');
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
export const secs = (v: number) => `${(v / 1000).toFixed(2)} s`;
export const mbps = (bytes: number, millis: number) => `${(bytes / 1e6 / (millis / 1000)).toFixed(1)} MB/s`;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const median = (values: number[]) => percentile(values, 50);
