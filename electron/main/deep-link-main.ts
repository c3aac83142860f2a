/**
 * Wires commonplace:// links into the app: registers the scheme with the OS, catches links from
 * a second launch (Windows/Linux argv) and macOS `open-url`, and tells the window to go there.
 * Links that arrive before the window exists wait for it; `send` holds them until its page listens
 * (renderer-outbox.ts). Bad links are logged and ignored.
 */
import { app, type BrowserWindow } from 'electron';
import type { LibraryEvent } from '../model/events';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deep-link';

export interface DeepLinkWiring {
  /** The window to navigate (revealed first), or null while the app is starting. */
  window(): BrowserWindow | null;
  reveal(win: BrowserWindow): void;
  send(win: BrowserWindow, event: LibraryEvent): void;
}

let pending: string | null = null;
let wiring: DeepLinkWiring | null = null;

/** False when the link is malformed (logged and dropped). */
function open(raw: string): boolean {
  const parsed = parseDeepLink(raw);
  if (!parsed.ok) {
    console.warn(`Ignoring link ${JSON.stringify(raw.slice(0, 200))}: ${parsed.reason}`);
    return false;
  }
  const win = wiring?.window() ?? null;
  if (!wiring || !win) {
    pending = raw;
    return true;
  }
  wiring.reveal(win);
  wiring.send(win, { type: 'navigate', target: parsed.link });
  return true;
}

/** Before `ready`: claim the scheme and listen for links (macOS sends open-url before ready). */
export function registerDeepLinks(): void {
  if (process.defaultApp && process.argv.length >= 2) {
    // Unpackaged (electron .): the OS must relaunch electron with the app's path.
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]!]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    open(url);
  });
  const first = deepLinkFromArgv(process.argv);
  if (first) pending = first;
}

/** From `second-instance`: the other launch's argv may carry a link. True when a valid one was opened. */
export function openDeepLinkFromArgv(argv: readonly string[]): boolean {
  const link = deepLinkFromArgv(argv);
  return link !== null && open(link);
}

/** Once the window exists: links from now on go to it, and one that waited is opened. */
export function startDeepLinks(w: DeepLinkWiring): void {
  wiring = w;
  if (pending) {
    const link = pending;
    pending = null;
    open(link);
  }
}
