import { useEffect, useRef, useState } from 'react';

/** `value`, taken up at most once every `ms` (the last change always lands). */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastTaken = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = lastTaken.current + ms - performance.now();
    const timer = setTimeout(
      () => {
        lastTaken.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
