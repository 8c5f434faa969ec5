import type { ApiLogDetails } from '../contract/apilog';
import { splitVersion, type EngineRequest, type HttpMethod } from './engine-request';

/** A logged request as copy-as and "open in console" take it (its body is already redacted). */
export function requestOfLogEntry(d: ApiLogDetails): EngineRequest {
  const req: EngineRequest = {
    method: d.method as HttpMethod,
    path: splitVersion(d.path).path,
    query: d.query,
  };
  if (d.requestBody.kind === 'json' && !d.requestBody.truncated && d.requestBody.text) {
    try {
      req.body = JSON.parse(d.requestBody.text);
    } catch {
      // not one JSON document: no body
    }
  }
  // dockerode repeats a JSON body's top-level fields as query parameters: the copy sends them once.
  if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
    // Engine body fields are capitalised; lower-case keys (name, platform) are query parameters
    // dockerode also left in the body: they stay in the query only.
    const body = { ...(req.body as Record<string, unknown>) };
    const fields = new Set(Object.keys(body).filter((k) => /^[A-Z]/.test(k)));
    req.query = d.query.filter(([k]) => !fields.has(k));
    for (const [k] of req.query) delete body[k];
    req.body = body;
  }
  const auth = Object.keys(d.requestHeaders).find((h) => h.toLowerCase() === 'x-registry-auth');
  if (auth) req.headers = { 'X-Registry-Auth': d.requestHeaders[auth] as string };
  return req;
}
