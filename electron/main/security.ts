/**
 * Electron-side hardening: what the session may load and grant, and what any web contents may
 * navigate to or open. The rules themselves live in security-policy.ts (unit-tested).
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { externalUrl } from './external-url';
import { isAllowedNavigation, isAllowedRequest, isPermissionGranted } from './security-policy';

export interface SessionPolicyOptions {
  /** DevTools pages (devtools://) may load: development builds only. */
  allowDevtools: boolean;
}

/** Call once, after `ready`, before any window loads. */
export function hardenSession(ses: Session, opts: SessionPolicyOptions): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, opts);
    if (!allowed)
      console.warn(`blocked request: ${details.resourceType} ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  // USB/HID/serial/Bluetooth pickers: never.
  ses.setDevicePermissionHandler(() => false);
}

/** Applied to every web contents Electron creates (windows, DevTools, anything else). */
export function hardenWebContents(contents: WebContents): void {
  const refuseNavigation = (event: Electron.Event, url: string, isSameDocument: boolean): void => {
    if (isAllowedNavigation(url, isSameDocument)) return;
    // A file dropped outside the renderer's drop zone lands here too (file://…): refusing
    // keeps the app on screen.
    event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url, event.isSameDocument));
  contents.on('will-frame-navigate', (event) =>
    refuseNavigation(event, event.url, event.isSameDocument),
  );
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // window.open / target=_blank: never a new Electron window. The renderer only calls
  // window.open for a link after the person confirmed leaving the app, so a valid
  // http(s)/mailto URL goes to the system browser or mail client; anything else is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    const safe = externalUrl(url);
    if (safe) {
      shell.openExternal(safe).catch((e: unknown) => console.error(`could not open ${safe}:`, e));
    } else {
      console.warn(`refused to open: ${url.slice(0, 200)}`);
    }
    return { action: 'deny' };
  });
}

/** Installs `hardenWebContents` on every web contents, present and future. Call before `ready`. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
