import { wirePath, type EngineRequest, type EngineTarget } from '../engine-request';
import { authServer, connectionComment, hasRegistryAuth, OK_CODES } from './connection';
import { literal, REGISTRY_ENV, secretQueryJson } from './secrets';

const py = {
  str: (s: string) => JSON.stringify(s),
  obj: (e: string[]) => `{${e.join(', ')}}`,
  arr: (i: string[]) => `[${i.join(', ')}]`,
  key: (k: string) => `${JSON.stringify(k)}: `,
  nul: 'None',
  bool: (b: boolean) => (b ? 'True' : 'False'),
};

function pyValue(v: unknown): string {
  return literal(v, py, (ref) =>
    ref.prefix
      ? `${JSON.stringify(ref.prefix)} + os.environ[${JSON.stringify(ref.env)}]`
      : `os.environ[${JSON.stringify(ref.env)}]`,
  );
}

/**
 * Python with the docker SDK (docker-py): the client from the environment, and the request sent
 * through its API client (a requests session bound to the engine), pinned to the host's version.
 */
export function pythonSnippet(req: EngineRequest, t: EngineTarget): string {
  const lines = [
    ...connectionComment(t, '#'),
    'import base64',
    'import json',
    'import os',
    '',
    'import docker',
    '',
    'client = docker.from_env()',
    'api = client.api',
    'headers = {}',
  ];
  if (hasRegistryAuth(req)) {
    lines.push(
      'auth = {',
      `    "username": os.environ[${JSON.stringify(REGISTRY_ENV.user)}],`,
      `    "password": os.environ[${JSON.stringify(REGISTRY_ENV.password)}],`,
      `    "serveraddress": ${JSON.stringify(authServer(req))},`,
      '}',
      'headers["X-Registry-Auth"] = base64.urlsafe_b64encode(json.dumps(auth).encode()).decode()',
    );
  }
  const path = wirePath({ ...req, query: [] }, t.apiVersion);
  const params = (req.query ?? []).map(([k, v]) => {
    const secret = secretQueryJson(v);
    return `(${JSON.stringify(k)}, ${secret ? `json.dumps(${pyValue(secret)})` : JSON.stringify(v)})`;
  });
  lines.push(`params = [${params.join(', ')}]`);
  if (req.tarContext !== undefined) {
    lines.push(
      'import subprocess',
      `data = subprocess.run(["tar", "-C", ${JSON.stringify(req.tarContext)}, "-cf", "-", "."], check=True, capture_output=True).stdout`,
      'headers["Content-Type"] = "application/x-tar"',
    );
  } else if (req.body !== undefined) lines.push(`body = ${pyValue(req.body)}`);
  lines.push(
    'res = api.request(',
    `    ${JSON.stringify(req.method)},`,
    `    api.base_url + ${JSON.stringify(path)},`,
    '    params=params,',
    '    headers=headers,',
    ...(req.tarContext !== undefined ? ['    data=data,'] : req.body !== undefined ? ['    json=body,'] : []),
    ')',
    `if res.status_code not in (${OK_CODES.join(', ')}):`,
    '    raise SystemExit(f"{res.status_code}: {res.text}")',
    'print(res.text)',
  );
  return lines.join('\n');
}
