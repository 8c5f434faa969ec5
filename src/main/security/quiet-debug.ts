import { createRequire } from 'node:module';

interface DebugModule {
  enable(namespaces: string): void;
  /** Turns everything off and returns what was on (including "-skipped" entries). */
  disable(): string;
  enabled(name: string): boolean;
}

/**
 * Namespaces whose output carries secrets: docker-modem's 'modem' logs every request's options
 * with util.inspect, i.e. TLS client keys and the X-Registry-Auth header (base64 of the registry
 * password).
 */
export const SECRET_DEBUG_NAMESPACES = ['modem', 'modem:*'];

function modemDebug(): DebugModule | undefined {
  try {
    // The `debug` instance docker-modem itself loaded, wherever npm placed it.
    const fromHere = createRequire(import.meta.url);
    return createRequire(fromHere.resolve('docker-modem'))('debug') as DebugModule;
  } catch {
    return undefined;
  }
}

/**
 * Keeps DEBUG=modem (or DEBUG=*) from printing keys and auth headers: whatever DEBUG enabled
 * stays on, except the namespaces above. debug re-checks on every call, so loggers created
 * before this (at import time) are silenced too. Returns whether the modem logger is now off.
 */
export function silenceSecretDebug(): boolean {
  const debug = modemDebug();
  if (!debug) return true;
  const current = debug.disable();
  const skips = SECRET_DEBUG_NAMESPACES.map((ns) => `-${ns}`);
  debug.enable([current, ...skips].filter(Boolean).join(','));
  return !debug.enabled('modem');
}
