import { useState } from 'react';

/** Which streams a log view shows: the state, and the props of its StreamChecks. */
export function useStreamFilter() {
  const [stdout, onStdout] = useState(true);
  const [stderr, onStderr] = useState(true);
  return { stdout, stderr, checks: { stdout, onStdout, stderr, onStderr } };
}
