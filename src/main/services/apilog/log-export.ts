import type { ApiLogDetails, ApiLogExport, ApiTargetInfo } from '@shared/contract';
import { queryString } from '@shared/apilog/engine-request';
import { PRODUCT_NAME } from '@shared/product';

function baseUrl(info: ApiTargetInfo): string {
  const t = info.target;
  switch (t.kind) {
    case 'socket':
      return 'http://localhost';
    case 'tcp':
      return `http://${t.host}:${t.port}`;
    case 'tls':
      return `https://${t.host}:${t.port}`;
    case 'ssh':
      return 'http://docker';
  }
}

const headerList = (h: Record<string, string>) => Object.entries(h).map(([name, value]) => ({ name, value }));

/** HAR 1.2 ("HAR-like": bodies are the redacted, possibly truncated views). */
function toHar(entries: ApiLogDetails[], info: ApiTargetInfo) {
  const base = baseUrl(info);
  return {
    log: {
      version: '1.2',
      creator: { name: PRODUCT_NAME, version: '1' },
      comment: `Engine API requests to ${info.hostName}; secrets are redacted.`,
      entries: entries.map((e) => ({
        startedDateTime: new Date(e.at).toISOString(),
        time: e.durationMs ?? -1,
        request: {
          method: e.method,
          url: `${base}${e.path}${queryString(e.query)}`,
          httpVersion: 'HTTP/1.1',
          headers: headerList(e.requestHeaders),
          queryString: e.query.map(([name, value]) => ({ name, value })),
          cookies: [],
          headersSize: -1,
          bodySize: e.bytesOut,
          ...(e.requestBody.kind !== 'none'
            ? { postData: { mimeType: e.requestBody.contentType ?? '', text: e.requestBody.text } }
            : {}),
        },
        response: {
          status: e.status ?? 0,
          statusText: e.error ?? '',
          httpVersion: 'HTTP/1.1',
          headers: headerList(e.responseHeaders),
          cookies: [],
          content: {
            size: e.bytesIn,
            mimeType: e.responseBody.contentType ?? '',
            text: e.responseBody.text,
          },
          redirectURL: '',
          headersSize: -1,
          bodySize: e.bytesIn,
        },
        cache: {},
        timings: { send: 0, wait: e.durationMs ?? -1, receive: 0 },
        ...(e.origin ? { _origin: e.origin } : {}),
        _state: e.state,
      })),
    },
  };
}

export function exportLog(
  entries: ApiLogDetails[],
  info: ApiTargetInfo,
  format: 'json' | 'har',
): ApiLogExport {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const safeName = info.hostName.replace(/[^a-zA-Z0-9_.-]+/g, '_');
  if (format === 'har') {
    return {
      fileName: `${safeName}-api-${stamp}.har`,
      mimeType: 'application/json',
      content: JSON.stringify(toHar(entries, info), null, 2),
    };
  }
  return {
    fileName: `${safeName}-api-${stamp}.json`,
    mimeType: 'application/json',
    content: JSON.stringify({ host: info.hostName, target: info.target, entries }, null, 2),
  };
}
