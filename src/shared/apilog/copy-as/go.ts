import { wirePath, type EngineRequest, type EngineTarget } from '../engine-request';
import { authServer, connectionComment, hasRegistryAuth, OK_CODES } from './connection';
import { literal, REGISTRY_ENV, secretQueryJson } from './secrets';

function goValue(v: unknown): string {
  return literal(
    v,
    {
      str: (s) => JSON.stringify(s),
      obj: (e) => (e.length ? `map[string]any{${e.join(', ')}}` : 'map[string]any{}'),
      arr: (i) => `[]any{${i.join(', ')}}`,
      key: (k) => `${JSON.stringify(k)}: `,
      nul: 'nil',
    },
    (ref) =>
      ref.prefix
        ? `${JSON.stringify(ref.prefix)} + os.Getenv(${JSON.stringify(ref.env)})`
        : `os.Getenv(${JSON.stringify(ref.env)})`,
  );
}

/**
 * Go with the Docker SDK (github.com/docker/docker/client): the client from the environment,
 * pinned to the host's version, and the request sent over its HTTP client (which dials the engine).
 * Only SDK calls that exist from 20.10 (Debian's golang-github-docker-docker-dev, GOPATH mode, which
 * the integration test builds it with) to today's module; `any` needs Go 1.18.
 */
export function goSnippet(req: EngineRequest, t: EngineTarget): string {
  const base =
    t.kind === 'tls'
      ? `https://${t.host}:${t.port}`
      : t.kind === 'tcp'
        ? `http://${t.host}:${t.port}`
        : 'http://docker';
  const auth = hasRegistryAuth(req);
  const tar = req.tarContext !== undefined;
  const json = (req.body !== undefined && !tar) || auth;
  const secretQuery = (req.query ?? []).some(([, v]) => secretQueryJson(v));
  const queryLine = ([k, v]: [string, string]) => {
    const secret = secretQueryJson(v);
    return secret
      ? `\tquery.Add(${JSON.stringify(k)}, mustJSON(${goValue(secret)}))`
      : `\tquery.Add(${JSON.stringify(k)}, ${JSON.stringify(v)})`;
  };
  const lines = [
    ...connectionComment(t, '//'),
    'package main',
    '',
    'import (',
    ...(json ? ['\t"bytes"'] : []),
    '\t"context"',
    ...(auth ? ['\t"encoding/base64"'] : []),
    ...(json || secretQuery ? ['\t"encoding/json"'] : []),
    '\t"fmt"',
    '\t"io"',
    '\t"net/http"',
    '\t"net/url"',
    '\t"os"',
    ...(tar ? ['\t"os/exec"'] : []),
    '',
    '\t"github.com/docker/docker/client"',
    ')',
    '',
    'func main() {',
    `\tcli, err := client.NewClientWithOpts(client.FromEnv, client.WithVersion(${JSON.stringify(t.apiVersion)}))`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer cli.Close()',
    '\tquery := url.Values{}',
    ...(req.query ?? []).map(queryLine),
    `\tu := ${JSON.stringify(base + wirePath({ ...req, query: [] }, t.apiVersion))} + "?" + query.Encode()`,
    '\tvar body io.Reader',
  ];
  if (tar) {
    lines.push(
      // The context folder as a tar stream (whole: no .dockerignore here).
      `\tpack := exec.Command("tar", "-C", ${JSON.stringify(req.tarContext)}, "-cf", "-", ".")`,
      '\ttarStream, err := pack.StdoutPipe()',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\tif err := pack.Start(); err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\tbody = tarStream',
    );
  } else if (req.body !== undefined) {
    lines.push(
      `\tpayload, err := json.Marshal(${goValue(req.body)})`,
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\tbody = bytes.NewReader(payload)',
    );
  }
  lines.push(
    `\treq, err := http.NewRequestWithContext(context.Background(), ${JSON.stringify(req.method)}, u, body)`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
  );
  if (tar) lines.push('\treq.Header.Set("Content-Type", "application/x-tar")');
  else if (req.body !== undefined) lines.push('\treq.Header.Set("Content-Type", "application/json")');
  if (auth) {
    lines.push(
      '\tauth, _ := json.Marshal(map[string]string{',
      `\t\t"username":      os.Getenv(${JSON.stringify(REGISTRY_ENV.user)}),`,
      `\t\t"password":      os.Getenv(${JSON.stringify(REGISTRY_ENV.password)}),`,
      `\t\t"serveraddress": ${JSON.stringify(authServer(req))},`,
      '\t})',
      '\treq.Header.Set("X-Registry-Auth", base64.URLEncoding.EncodeToString(bytes.TrimSpace(auth)))',
    );
  }
  lines.push(
    '\tres, err := cli.HTTPClient().Do(req)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer res.Body.Close()',
    '\tout, _ := io.ReadAll(res.Body)',
    `\tswitch res.StatusCode {`,
    `\tcase ${OK_CODES.join(', ')}:`,
    '\t\tfmt.Println(string(out))',
    '\tdefault:',
    '\t\tfmt.Fprintf(os.Stderr, "%d: %s\\n", res.StatusCode, out)',
    '\t\tos.Exit(1)',
    '\t}',
    '}',
  );
  if (secretQuery) {
    lines.push(
      '',
      'func mustJSON(v any) string {',
      '\tb, err := json.Marshal(v)',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\treturn string(b)',
      '}',
    );
  }
  return lines.join('\n');
}
