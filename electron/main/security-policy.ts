/**
 * The rules the Electron security hooks apply, kept free of Electron so they are unit-tested.
 */
import { APP_HOST, APP_SCHEME, isAppUrl } from './app-url';

/**
 * Requests the session lets through: our own origin, blob: URLs our own pages made (Export and
 * "Download original" save through them), inline data: images (CSP allows them), and DevTools'
 * own pages in development. Everything else — http(s), ws, file, ftp — is
 * cancelled: the app is offline by design and shows no remote content.
 */
export function isAllowedRequest(raw: string, opts: { allowDevtools: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (url.protocol === 'data:') return true;
  // blob:app://commonplace/<uuid>: the blob's origin is the URL after "blob:".
  if (url.protocol === 'blob:') return isAppUrl(url.pathname);
  if (opts.allowDevtools && url.protocol === 'devtools:') return true;
  return false;
}

/**
 * Navigation is never allowed to change the document; only in-page moves (fragment changes,
 * history.pushState) within our own origin pass, so a client-side router still works.
 */
export function isAllowedNavigation(target: string, isSameDocument: boolean): boolean {
  return isSameDocument && isAppUrl(target);
}

/**
 * Web permissions granted to our own pages. Only writing sanitised text to the clipboard
 * (navigator.clipboard.writeText for "copy citation"-style buttons): no camera, microphone,
 * location, notifications, device access or clipboard reading, from any origin.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return (
    GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl)
  );
}
