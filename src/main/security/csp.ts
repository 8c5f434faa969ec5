/**
 * The renderer's Content-Security-Policy: scripts only from the app itself (no eval, no remote
 * code), network only back to its own origin (the WebSocket in browser mode; nothing in Electron).
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
