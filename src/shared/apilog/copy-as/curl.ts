import { wirePath, type EngineRequest, type EngineTarget } from '../engine-request';
import { authServer, connectionEnv, hasRegistryAuth } from './connection';
import { literal, REGISTRY_ENV, secretQueryJson } from './secrets';
import { sh, shellLine } from './shell';

/** A JSON body as one shell word: single-quoted, with redacted values read from the environment. */
function bodyWord(body: unknown): string {
  const json = literal(
    body,
    {
      str: (s) => JSON.stringify(s),
      obj: (e) => `{${e.join(',')}}`,
      arr: (i) => `[${i.join(',')}]`,
      key: (k) => `${JSON.stringify(k)}:`,
      nul: 'null',
    },
    (ref) => `${JSON.stringify(ref.prefix).slice(0, -1)}\u0000${ref.env}\u0000"`,
  );
  // Quote the JSON, then close the quote around each variable so the shell splices its value.
  const quoted = `'${json.replace(/'/g, `'\\''`)}'`;
  // eslint-disable-next-line no-control-regex -- NUL marks the variables; JSON text never holds one
  return quoted.replace(/\u0000([A-Za-z0-9_]+)\u0000/g, `'"$$$1"'`);
}

function authHeader(req: EngineRequest): string {
  const server = authServer(req);
  return (
    `"X-Registry-Auth: $(printf '{"username":"%s","password":"%s","serveraddress":"%s"}' ` +
    `"$${REGISTRY_ENV.user}" "$${REGISTRY_ENV.password}" ${sh(server)} | base64 | tr -d '\\n' | tr '+/' '-_')"`
  );
}

/**
 * curl for one request: --unix-socket for socket hosts; https with the client certificate files
 * from $DOCKER_CERT_PATH for TLS; for SSH, a local socket forwarded by `docker system dial-stdio`.
 */
export function curlCommand(req: EngineRequest, t: EngineTarget): string {
  // Query values with secrets (build args) go through --url-query, reading them from the environment.
  const secretQuery = (req.query ?? []).filter(([, v]) => secretQueryJson(v));
  const path = wirePath(
    { ...req, query: (req.query ?? []).filter((p) => !secretQuery.includes(p)) },
    t.apiVersion,
  );
  const words = ['curl', '--fail-with-body', '-sS'];
  const pre: string[] = [];
  let url: string;
  switch (t.kind) {
    case 'socket':
      words.push('--unix-socket', sh(t.socketPath));
      url = `http://localhost${path}`;
      break;
    case 'tcp':
      url = `http://${t.host}:${t.port}${path}`;
      break;
    case 'tls':
      pre.push(`# ${connectionEnv(t)[2]?.[0]} is a folder with this host's ca.pem, cert.pem and key.pem`);
      pre.push(`DOCKER_CERT_PATH="\${DOCKER_CERT_PATH:-$HOME/.docker/certs/${t.host}}"`);
      words.push(
        '--cacert',
        '"$DOCKER_CERT_PATH/ca.pem"',
        '--cert',
        '"$DOCKER_CERT_PATH/cert.pem"',
        '--key',
        '"$DOCKER_CERT_PATH/key.pem"',
      );
      url = `https://${t.host}:${t.port}${path}`;
      break;
    case 'ssh': {
      const dest = `${t.user ? `${t.user}@` : ''}${t.host}`;
      pre.push(
        '# The engine over SSH: a local socket relayed by `docker system dial-stdio` on the host.',
        `socat UNIX-LISTEN:/tmp/docker-${t.host}.sock,fork EXEC:${sh(`ssh ${t.port ? `-p ${t.port} ` : ''}${dest} docker system dial-stdio`)} &`,
      );
      words.push('--unix-socket', sh(`/tmp/docker-${t.host}.sock`));
      url = `http://localhost${path}`;
      break;
    }
  }
  if (req.method !== 'GET') words.push('-X', req.method);
  if (hasRegistryAuth(req)) words.push('-H', authHeader(req));
  for (const [k, v] of secretQuery)
    words.push('--url-query', `${sh(`${k}=`)}${bodyWord(secretQueryJson(v))}`);
  if (req.tarContext !== undefined)
    words.push('-H', sh('Content-Type: application/x-tar'), '--data-binary', '@-');
  else if (req.body !== undefined)
    words.push('-H', sh('Content-Type: application/json'), '--data-binary', bodyWord(req.body));
  words.push(sh(url));
  // The context folder as a tar stream on curl's standard input (whole: no .dockerignore here).
  const tar = req.tarContext !== undefined ? `tar -C ${sh(req.tarContext)} -cf - . | ` : '';
  return [...pre, `${tar}${shellLine(words)}`].join('\n');
}
