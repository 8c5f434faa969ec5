import { useCallback, useState } from 'react';

/** A short notice ("Copied 12 lines.") that clears itself after `ms` unless replaced meanwhile. */
export function useFlash(ms = 3000): [string | undefined, (text: string) => void] {
  const [notice, setNotice] = useState<string>();
  const flash = useCallback(
    (text: string) => {
      setNotice(text);
      window.setTimeout(() => setNotice((n) => (n === text ? undefined : n)), ms);
    },
    [ms],
  );
  return [notice, flash];
}
