const KEY = 'berthmaster.token';

interface TokenPlace {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** Rewrites the address bar and the current history entry without loading anything. */
  replaceUrl(url: string): void;
}

/**
 * Browser mode's per-launch token. It arrives once in the printed URL; it is kept in this tab's
 * sessionStorage (a reload still connects, other sites and ports never see it, it dies with the
 * tab) and removed from the address bar and history, so it is not shown, bookmarked or shared.
 * The server only wants it on the RPC WebSocket: never in a cookie.
 */
export function takeBrowserToken(place: TokenPlace): string | undefined {
  const url = new URL(place.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      place.storage?.setItem(KEY, fromUrl);
    } catch {
      // Storage disabled: this load still connects; a reload will ask for the URL again.
    }
    url.searchParams.delete('token');
    place.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return place.storage?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

let taken: { token: string | undefined } | undefined;

/** The token of this page, taken from the address bar on first use. */
export function browserToken(): string | undefined {
  taken ??= {
    token: takeBrowserToken({
      href: window.location.href,
      storage: typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
      replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
    }),
  };
  return taken.token;
}
