import { wirePath, type EngineRequest, type EngineTarget } from '../engine-request';
import { authServer, connectionComment, hasRegistryAuth, OK_CODES } from './connection';
import { literal, REGISTRY_ENV, secretQueryJson } from './secrets';

function jsValue(v: unknown): string {
  return literal(
    v,
    {
      str: (s) => JSON.stringify(s),
      obj: (e) => `{ ${e.join(', ')} }`,
      arr: (i) => `[${i.join(', ')}]`,
      key: (k) => `${JSON.stringify(k)}: `,
      nul: 'null',
    },
    (ref) =>
      ref.prefix ? `${JSON.stringify(ref.prefix)} + process.env.${ref.env}` : `process.env.${ref.env}`,
  );
}

/**
 * Node with dockerode (CommonJS, runs with `node file.js`): the client from the environment and
 * the request through its modem, the same path the app's own calls take.
 */
export function nodeSnippet(req: EngineRequest, t: EngineTarget): string {
  const hasQuery = (req.query?.length ?? 0) > 0;
  const path = wirePath({ ...req, query: [] }, t.apiVersion);
  const options: string[] = [];
  if (hasQuery) {
    // docker-modem writes an array value as repeated parameters (t=a&t=b).
    const grouped = new Map<string, string[]>();
    for (const [k, v] of req.query ?? []) grouped.set(k, [...(grouped.get(k) ?? []), v]);
    const entries = [...grouped].map(([k, vs]) => {
      const one = (v: string) => {
        const secret = secretQueryJson(v);
        return secret ? `JSON.stringify(${jsValue(secret)})` : JSON.stringify(v);
      };
      return `${JSON.stringify(k)}: ${vs.length === 1 ? one(vs[0] as string) : `[${vs.map(one).join(', ')}]`}`;
    });
    options.push(`_query: { ${entries.join(', ')} }`);
  }
  if (req.tarContext === undefined)
    options.push(`_body: ${req.body !== undefined ? jsValue(req.body) : '{}'}`);
  const lines = [
    ...connectionComment(t, '//'),
    "const Docker = require('dockerode');",
    '',
    'const docker = new Docker();',
    'docker.modem.dial(',
    '  {',
    // docker-modem appends the query (from _query) only to a path ending in "?".
    `    path: ${JSON.stringify(hasQuery ? `${path}?` : path)},`,
    `    method: ${JSON.stringify(req.method)},`,
    `    options: { ${options.join(', ')} },`,
    ...(req.tarContext !== undefined
      ? [
          // The context folder as a tar stream (whole: no .dockerignore here).
          `    file: require('child_process').spawn('tar', ['-C', ${JSON.stringify(req.tarContext)}, '-cf', '-', '.']).stdout,`,
          "    headers: { 'Content-Type': 'application/x-tar' },",
        ]
      : req.body !== undefined
        ? ['    allowEmpty: true,']
        : []),
    `    statusCodes: { ${OK_CODES.map((c) => `${c}: true`).join(', ')} },`,
  ];
  if (hasRegistryAuth(req)) {
    lines.push(
      '    authconfig: {',
      `      username: process.env.${REGISTRY_ENV.user},`,
      `      password: process.env.${REGISTRY_ENV.password},`,
      `      serveraddress: ${JSON.stringify(authServer(req))},`,
      '    },',
    );
  }
  lines.push(
    '  },',
    '  (err, data) => {',
    '    if (err) {',
    '      console.error(err.message);',
    '      process.exit(1);',
    '    }',
    "    console.log(typeof data === 'string' ? data : JSON.stringify(data));",
    '  },',
    ');',
  );
  return lines.join('\n');
}
