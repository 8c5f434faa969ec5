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
    "Written by `npm run bench` (bench/): every scenario of issue #9 against the test lab's real engines,",
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
  const missing = ALL.filter((n) => !results.some((r) => r.name === n));
  if (missing.length)
    lines.push('', `Not measured in this run (failed or filtered out): ${missing.join(', ')}.`);
  lines.push('', '## Printed lines', '', '```', ...results.map((r) => r.line), '```', '');
  const notes = path.join(root, 'bench', 'NOTES.md');
  if (existsSync(notes)) lines.push(readFileSync(notes, 'utf8').trim(), '');
  writeFileSync(path.join(root, 'BENCHMARKS.md'), lines.join('\n'));
}
