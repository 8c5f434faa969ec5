import { cleanupBench } from './bench-objects';

export default async function globalTeardown(): Promise<void> {
  await cleanupBench();
}
