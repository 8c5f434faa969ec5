import { test } from '@playwright/test';
import { benchName, docker, dockerLabelled, lab } from './bench-objects';
import { startServer, type BenchServer } from './server';

export interface ExecTarget {
  /** The sleeping container the spec opens a terminal in. */
  readonly name: string;
  /** The app server, once beforeAll has run. */
  server(): BenchServer;
}

/**
 * The exec benchmarks' shared set-up: registers the spec file's beforeAll/afterAll that run a
 * labelled sleeping container on engine A and start the app server, then remove both.
 */
export function useExecTarget(): ExecTarget {
  const name = benchName('exec');
  let server: BenchServer | undefined;

  test.beforeAll(async () => {
    await dockerLabelled('run', name, 'sleep', '3600');
    server = await startServer();
  });

  test.afterAll(async () => {
    await server?.stop();
    await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  });

  return {
    name,
    server: () => {
      if (!server) throw new Error('the exec target is used before its beforeAll ran');
      return server;
    },
  };
}
