/**
 * What the desktop app's preload adds to the bridge (`DesktopBridgeExtension`: pathForFile,
 * rendererReady, saveNoteSync). The renderer feature-detects each function, so web mode (no
 * `window.commonplace`) and a page without them keep working.
 */
import type { DesktopBridgeExtension } from '../../../electron/api/contract';
import type { Theme } from '../../../electron/model/appearance';

function extension(): Partial<DesktopBridgeExtension> | undefined {
  return window.commonplace as Partial<DesktopBridgeExtension> | undefined;
}

/** Paths of these files if the desktop app knows every one of them, else null (upload them). */
export function pathsOf(files: readonly File[]): string[] | null {
  const bridge = extension();
  if (typeof bridge?.pathForFile !== 'function' || files.length === 0) return null;
  const paths: string[] = [];
  for (const file of files) {
    let path: string | null;
    try {
      path = bridge.pathForFile(file);
    } catch {
      path = null;
    }
    if (!path) return null;
    paths.push(path);
  }
  return paths;
}

/** The desktop app can show a native folder dialog (web mode types a path instead). */
export function canChooseFolder(): boolean {
  return typeof extension()?.chooseFolder === 'function';
}

/** The folder chosen in the desktop app's native dialog; null if cancelled or there is none. */
export async function chooseFolder(): Promise<string | null> {
  const bridge = extension();
  if (typeof bridge?.chooseFolder !== 'function') return null;
  return bridge.chooseFolder();
}

let readySent = false;

/** Tells the desktop app the renderer is listening (once per page): main then sends the deep links it held. */
export function signalRendererReady(): void {
  const bridge = extension();
  if (readySent || typeof bridge?.rendererReady !== 'function') return;
  readySent = true;
  bridge.rendererReady();
}

/** The desktop app's native parts (menus, dialogs, title bar) follow the page's theme setting. */
export function followTheme(theme: Theme): void {
  const bridge = extension();
  if (typeof bridge?.setTheme === 'function') bridge.setTheme(theme);
}
