/**
 * Web mode's credential. `commonplace serve` prints a URL carrying a per-run token; the page takes
 * it from the address bar once, keeps it in sessionStorage and sends it as an `Authorization`
 * header on every API call and on the event stream. Never a cookie: cookies are not scoped to a
 * port, so one would go to every service on 127.0.0.1 the browser visits, and a second `serve`
 * would overwrite the first one's. sessionStorage belongs to this origin (scheme, host and port)
 * and this tab, so no other local service can read it, and it survives reloads.
 */

const STORAGE_KEY = 'commonplace.webToken';

let token: string | null | undefined;

/** Moves a `?token=` from the address bar into sessionStorage (and out of the URL and history entry). */
export function adoptUrlToken(): void {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
  } catch {
    // Storage refused (a locked-down profile): the token still lives in this page's memory.
  }
  token = fromUrl;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

/** The token this tab holds, or null when the page was opened without one. */
export function webToken(): string | null {
  if (token === undefined) {
    adoptUrlToken();
    if (token === undefined) {
      try {
        token = window.sessionStorage.getItem(STORAGE_KEY);
      } catch {
        token = null;
      }
    }
  }
  return token ?? null;
}

/** Headers that authorize a request to this server (none without a token: the server answers 401). */
export function authHeaders(): Record<string, string> {
  const t = webToken();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

/** What to tell the user when the server refuses this page's credential. */
export const NOT_AUTHORIZED_MESSAGE =
  'This page has no valid access token for the library server: open the URL printed by `commonplace serve` (it carries the token).';
