/**
 * Where the renderer lives: a privileged custom scheme (standard + secure), so the page has a
 * real origin (`app://commonplace`) that CSP 'self' and same-origin checks can rely on, unlike
 * file:// whose origin is opaque. Runtime-neutral: no Electron import, so it is unit-tested.
 *
 * Not `commonplace:` — that scheme is kept for passage links opened from other apps.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'commonplace';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on our own origin (scheme and host both match; no port, no userinfo). */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
