// Writes BENCHMARKS.md from the results of one `npm run bench` run, with the machine it ran on.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ALL = [
  'list',
  'logs',
  'exec-throughput',
  'exec-latency',
  'events',
  'stats',
  'idle',
  'startup',
  'copy',
  'ssh',
  'list-10k',
  'all-hosts',
  'list-apilog',
  'stack-deploy',
  'updates',
  'volume-copy',
  'forward',
  'flood',
];

/**
 * Issue 23's table, row by row, and the scenario that measures each row (its checks carry the
 * row's new target; a pattern picks the checks of a row when a scenario measures more): a row
 * without a result in this run is listed as not measured.
 */
const ISSUE_23_ROWS = [
  ['list, 1,000 containers: call vs raw GET /containers/json', 'list'],
  ['list, 10,000 containers: call vs raw; data to rows painted', 'list-10k', /list call|rows painted/],
  ["All containers, 20 hosts x 500: click to all rows ready vs the slowest host's raw list", 'all-hosts'],
  ['logs, 1,000,000 lines vs `docker logs`; first screen of the tail', 'logs'],
  ['exec throughput, 25 MB TTY output into xterm vs `docker exec -t`', 'exec-throughput'],
  ["keystroke to echo in xterm's buffer, p95, minus the raw exec stream", 'exec-latency'],
  ['CLI change to row painted, added over the raw /events stream, p95', 'events'],
  ['stats, 50 containers: server CPU vs `docker stats`', 'stats'],
  ['idle, 50 hosts: server CPU; page main thread', 'idle', /CPU|main thread|requests/],
  ['startup: process start to first row painted', 'startup'],
  [
    'memory: server RSS with 20 hosts idle (idle); page JS heap with 10,000 containers (list-10k)',
    'idle, list-10k',
    /RSS|JS heap/,
  ],
  ['SSH vs TLS, 100 sequential calls', 'ssh'],
  ['image copy host to host from the click vs `docker save | docker load`; 1 GB, RSS growth', 'copy'],
  ['terminal flood (`seq 1 2000000`): a click elsewhere answers; Ctrl+C to prompt', 'flood'],
];

function dockerVersion() {
  try {
    return execFileSync(
      'docker',
      ['version', '--format', '{{.Server.Version}} (API {{.Server.APIVersion}})'],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    ).trim();
  } catch {
    return 'unknown';
  }
}

const cell = (s) => String(s).replace(/\|/g, '\\|');

export function writeReport(root, resultsFile) {
  const results = existsSync(resultsFile)
    ? readFileSync(resultsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  const cpus = os.cpus();
  const lines = [
    '# Benchmarks',
    '',
    "Written by `npm run bench` (bench/): every scenario of issues #9 and #23 against the test lab's real engines,",
    'comparing Berthmaster with the docker CLI or the raw Engine API measured in the same run.',
    '',
    '## Machine',
    '',
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`,
    `- RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Kernel: ${os.type()} ${os.release()}`,
    `- Docker: ${dockerVersion()}`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    '',
    `- Load average (1 min) when the run started: ${process.env.BENCH_LOAD_START ?? 'unknown'}; when it ended: ${os.loadavg()[0].toFixed(2)}`,
    '',
    'Other work on the same 2 cores makes absolute figures noisy (the load average above says how busy',
    'the machine was). The ratios compare Berthmaster with a reference measured in the same run, interleaved',
    'where possible, and are what counts.',
    '',
    '## Results',
    '',
    '| Scenario | Measured | Target | Berthmaster | Reference | Ratio | Met? |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    for (const c of r.checks) {
      const ratio = typeof c.ratio === 'number' ? `${c.ratio.toFixed(2)}x` : '-';
      lines.push(
        `| ${cell(r.name)} | ${cell(c.label)} | ${cell(c.target)} | ${cell(c.berthmaster)} | ${cell(c.reference)} | ${ratio} | ${c.met ? 'yes' : '**no**'} |`,
      );
    }
  }
  lines.push('', "## Issue 23's rows", '', '| Row of issue 23 | Scenario | Met? |', '| --- | --- | --- |');
  for (const [row, names, only] of ISSUE_23_ROWS) {
    const checks = names
      .split(', ')
      .flatMap((n) => results.find((r) => r.name === n)?.checks ?? [])
      .filter((c) => !only || only.test(c.label));
    const met = checks.length === 0 ? 'not measured' : checks.every((c) => c.met) ? 'yes' : '**no**';
    lines.push(`| ${cell(row)} | ${cell(names)} | ${met} |`);
  }
  const missing = ALL.filter((n) => !results.some((r) => r.name === n));
  if (missing.length)
    lines.push('', `Not measured in this run (failed or filtered out): ${missing.join(', ')}.`);
  lines.push('', '## Printed lines', '', '```', ...results.map((r) => r.line), '```', '');
  const notes = path.join(root, 'bench', 'NOTES.md');
  if (existsSync(notes)) lines.push(readFileSync(notes, 'utf8').trim(), '');
  writeFileSync(path.join(root, 'BENCHMARKS.md'), lines.join('\n'));
}
