import { cleanupBench } from './bench-objects';

/** Leftovers of an interrupted run (found by label) go first, so counts and timings start clean. */
export default async function globalSetup(): Promise<void> {
  await cleanupBench();
}
