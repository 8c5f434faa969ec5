import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runWith } from './apilog-support';

/** Debian's Docker Go SDK (golang-github-docker-docker-dev, 20.10), in GOPATH layout. */
const DEBIAN_GOPATH = '/usr/share/gocode';
const SDK_CLIENT = path.join(DEBIAN_GOPATH, 'src/github.com/docker/docker/client/client.go');

const hasGo = () => spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;

/**
 * How this machine treats Go snippets: compiled with Debian's SDK and run against the lab when
 * the toolchain and the SDK are installed (CI installs both), else only syntax-checked with gofmt
 * (the SDK cannot be downloaded here: no internet).
 */
export const GO_MODE: 'run' | 'syntax' = hasGo() && existsSync(SDK_CLIENT) ? 'run' : 'syntax';

export interface GoRunner {
  /** Builds the snippet (GOPATH mode, shared cache) and runs it with only `env`; its stdout. */
  run(text: string, env: Record<string, string>): Promise<string>;
  /** gofmt -e (every syntax error, no SDK needed), or a structural check without gofmt. */
  syntaxCheck(text: string): Promise<void>;
  /** Milliseconds the SDK took to compile into the empty cache (0 in syntax mode). */
  warmup: number;
  /** Milliseconds of each snippet's build, in order. */
  builds: number[];
  dispose(): Promise<void>;
}

/** One temp folder per test file: its build cache makes every build after the first quick. */
export async function openGoRunner(): Promise<GoRunner> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-apilog-go-'));
  const goEnv = {
    GO111MODULE: 'off',
    GOPATH: `${DEBIAN_GOPATH}:${path.join(dir, 'gopath')}`,
    GOCACHE: path.join(dir, 'cache'),
    GOFLAGS: '',
    GOPROXY: 'off',
  };
  let n = 0;
  const builds: number[] = [];
  let warmup = 0;
  if (GO_MODE === 'run') {
    // Compiles the SDK once, here (the hook's timeout), so each test only builds its snippets.
    const started = Date.now();
    await runWith('go', ['build', 'github.com/docker/docker/client'], goEnv, dir);
    warmup = Date.now() - started;
  }
  const write = async (text: string) => {
    const src = path.join(dir, `snippet-${++n}`);
    await fs.mkdir(src);
    await fs.writeFile(path.join(src, 'main.go'), text);
    return src;
  };
  return {
    warmup,
    builds,
    async run(text, env) {
      const src = await write(text);
      const started = Date.now();
      await runWith('go', ['build', '-o', 'snippet', 'main.go'], goEnv, src);
      builds.push(Date.now() - started);
      return (await runWith(path.join(src, 'snippet'), [], env)).stdout;
    },
    async syntaxCheck(text) {
      const src = await write(text);
      const gofmt = await runWith('sh', ['-c', 'command -v gofmt || ls /usr/lib/go*/bin/gofmt | head -1'], {})
        .then((r) => r.stdout.trim().split('\n')[0] ?? '')
        .catch(() => '');
      if (gofmt) {
        await runWith(gofmt, ['-e', '-l', path.join(src, 'main.go')], {});
        return;
      }
      expect(text).toMatch(/^package main$/m);
      expect(text).toMatch(/^func main\(\) \{$/m);
      expect(text.split('{').length).toBe(text.split('}').length);
      expect(text.split('(').length).toBe(text.split(')').length);
    },
    dispose: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
