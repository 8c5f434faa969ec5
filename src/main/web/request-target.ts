/** A request target split into what the server needs, or undefined when it is malformed. */
export interface RequestTarget {
  /** Percent-decoded path, always starting with "/". */
  path: string;
  query: URLSearchParams;
}

/** RFC 3986 origin form: a path of pchars and slashes, an optional query; nothing else. */
const ORIGIN_FORM = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(\?[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;

/**
 * Parses an HTTP request target (origin form) without ever throwing: `//[` or `/%` are
 * attacker-chosen and must end in a 400, not in an exception that kills the server.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | undefined {
  if (!raw || !ORIGIN_FORM.test(raw) || raw.length > 8192) return undefined;
  let url: URL;
  try {
    // A fixed origin: "//host" in the target stays a path and can never become an authority.
    url = new URL(`http://target.invalid${raw}`);
  } catch {
    return undefined;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  return { path, query: url.searchParams };
}
