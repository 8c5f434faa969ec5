import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads on its first render, as a separate chunk, so the first screen does
 * not download, parse and compile it (xterm, CodeMirror); `placeholder` shows meanwhile.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => ReactNode,
): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function LazyComponent(props: P) {
    return (
      <Suspense fallback={placeholder(props)}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
