export type FetchOutcome = { ok: true } | { ok: false; reason: string };
export interface StartState {
  forceWeb: boolean;
  platform: string;
  env: Record<string, string | undefined>;
  binaryPresent: boolean;
  fetch?: FetchOutcome;
  launch?: { ok: false; reason: string };
}
export type StartStep = { action: 'electron' } | { action: 'fetch' } | { action: 'web'; reason: string };
export function parseStartArgs(argv: string[]): { forceWeb: boolean; open: boolean; rest: string[] };
export function hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
export function decideStart(s: StartState): StartStep;
export function openCommand(
  platform: string,
  url: string,
  has: (cmd: string) => boolean,
): [string, string[]] | undefined;
export function electronDownloadHost(env: Record<string, string | undefined>): { host: string; port: number };
export function distAdvice(output: string): string;
