import { AppError, type AppErrorShape } from '@shared/contract';

/** Set in `data.kind` so the UI can title an unreachable registry apart from an unreachable engine. */
export const REGISTRY_UNREACHABLE = 'registry-unreachable';

const AUTH =
  /unauthorized|authentication required|no basic auth credentials|401 unauthorized|incorrect username or password|invalid username\/password|\bdenied\b|403 forbidden/i;
const NOT_FOUND =
  /manifest unknown|manifest for .* not found|name unknown|repository does not exist|not found: |no such image|does not exist locally|tag does not exist|404 not found/i;
const HTTP_ON_HTTPS = /server gave HTTP response to HTTPS client/i;
const X509 = /x509:|certificate signed by unknown authority|certificate is not valid/i;
const UNREACHABLE =
  /dial tcp|connection refused|no such host|i\/o timeout|no route to host|network is unreachable|handshake timeout|connection reset|timeout exceeded|context deadline exceeded|EOF$/i;

export type RegistryOperation = 'pull' | 'push' | 'login';

const VERBS: Record<RegistryOperation, string> = { pull: 'pull', push: 'push', login: 'log in to' };

/**
 * The engine reports registry trouble as free text, either as an HTTP error before the stream
 * starts or in-band as {"error": ...}. These are the cases a user must tell apart: the image is
 * not there, the credentials are refused, or the engine cannot reach the registry at all.
 */
export function registryError(
  op: RegistryOperation,
  subject: string,
  engineMessage: string,
  /** Whether a login went with the request: a refusal then means the login is wrong. */
  sentLogin = op === 'login',
): AppError {
  const raw = engineMessage.trim();
  const detail = raw;
  const verb = VERBS[op];
  const shape = (s: Omit<AppErrorShape, 'detail'>): AppError => new AppError({ ...s, detail });

  if (/pull access denied|may require 'docker login'/i.test(raw)) {
    return shape({
      code: 'AUTH_FAILED',
      message: `The registry refused to let the engine pull ${subject}: the repository does not exist, or it needs a login you have not stored.`,
    });
  }
  if (HTTP_ON_HTTPS.test(raw)) {
    return shape({
      code: 'TLS_ERROR',
      message: `The registry of ${subject} speaks plain HTTP but the engine expects HTTPS: list it in the engine's insecure-registries.`,
    });
  }
  if (X509.test(raw)) {
    return shape({
      code: 'TLS_ERROR',
      message: `The engine does not trust the registry's certificate for ${subject}.`,
    });
  }
  if (AUTH.test(raw)) {
    const why = !sentLogin
      ? 'the registry needs a login: add it under Registries'
      : /\bdenied\b/i.test(raw)
        ? `the registry denied access: this login may not ${op} that repository`
        : 'the registry refused the username or password';
    return shape({ code: 'AUTH_FAILED', message: `Could not ${verb} ${subject}: ${why}.` });
  }
  if (NOT_FOUND.test(raw)) {
    const what =
      op === 'push'
        ? /does not exist locally|no such image|tag does not exist/i.test(raw)
          ? 'there is no local image with that name and tag'
          : 'the registry does not know that repository name (name unknown)'
        : 'the registry has no such image or tag';
    return shape({ code: 'NOT_FOUND', message: `Could not ${verb} ${subject}: ${what}.` });
  }
  if (UNREACHABLE.test(raw)) {
    const host = /dial tcp:? (?:lookup )?([^\s:]+(?::\d+)?)/i.exec(raw)?.[1];
    return shape({
      code: 'ENGINE_ERROR',
      message: `The engine has no route to the registry${host ? ` (${host})` : ''}, so it could not ${verb} ${subject}.`,
      data: { kind: REGISTRY_UNREACHABLE },
    });
  }
  return shape({ code: 'ENGINE_ERROR', message: `Could not ${verb} ${subject}: ${raw.replace(/\s+$/, '')}` });
}
