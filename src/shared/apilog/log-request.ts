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
  const auth = Object.keys(d.requestHeaders).find((h) => h.toLowerCase() === 'x-registry-auth');
  if (auth) req.headers = { 'X-Registry-Auth': d.requestHeaders[auth] as string };
  return req;
}
