import type Docker from 'dockerode';

/**
 * dockerode sends the options of its create and update calls as the JSON body AND, because their
 * paths end in "?", as the URL query (docker-modem appends every option it is given). The query
 * then carries Env with its secrets, secret and config Data, labels and commands into proxies,
 * engine debug logs and access logs. These are the endpoints where that happens, each with the
 * query parameters the Engine API really defines for it; everything else goes in the body only.
 */
const BODY_ENDPOINTS: Array<[RegExp, readonly string[]]> = [
  [/^\/containers\/create\?$/, ['name', 'platform']],
  [/^\/networks\/create\?$/, []],
  [/^\/volumes\/create\?$/, []],
  [/^\/(secrets|configs)\/create\?$/, []],
  [/^\/(secrets|configs|nodes)\/[^/?]+\/update\?$/, ['version']],
  [/^\/services\/[^/?]+\/update\?$/, ['version', 'registryAuthFrom', 'rollback']],
  [/^\/swarm\/update\?$/, ['version', 'rotateWorkerToken', 'rotateManagerToken', 'rotateManagerUnlockKey']],
];

export interface DialOptions {
  path?: unknown;
  options?: unknown;
  [k: string]: unknown;
}

/**
 * The dial options with a body-carrying call's options split into the query the endpoint defines
 * and the body; any other call is returned as it is. Pure (the caller's object is not changed).
 */
export function keepBodyOutOfQuery<T extends DialOptions>(dial: T): T {
  if (typeof dial.path !== 'string' || !dial.options || typeof dial.options !== 'object') return dial;
  const opts = dial.options as Record<string, unknown>;
  // Already split by the caller (src/main/engine/request.ts does so).
  if ('_query' in opts || '_body' in opts) return dial;
  const allowed = BODY_ENDPOINTS.find(([re]) => re.test(dial.path as string))?.[1];
  if (!allowed) return dial;
  const query: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts)) {
    // dockerode passes these on at the top level too (X-Registry-Auth, the request's signal).
    if (k === 'abortSignal' || k === 'authconfig') continue;
    if (allowed.includes(k)) {
      if (v !== undefined) query[k] = v;
    } else body[k] = v;
  }
  const hasQuery = Object.keys(query).length > 0;
  return {
    ...dial,
    // Without the "?" docker-modem appends no query at all.
    path: hasQuery ? dial.path : dial.path.slice(0, -1),
    options: { _query: query, _body: body },
  };
}

/** Makes every create and update call of this client send its options in the body only. */
export function keepBodiesOutOfQueries(docker: Docker): void {
  const modem = docker.modem as unknown as { dial(options: DialOptions, cb: unknown): unknown };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, cb) => dial(keepBodyOutOfQuery(options), cb);
}
