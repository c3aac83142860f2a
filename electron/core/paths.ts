import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name: Electron derives `app.getPath('userData')` from it, and so do we. */
export const APP_NAME = 'Commonplace';
export const LIBRARY_FILE_NAME = 'library.sqlite';

/**
 * The folder Electron's `app.getPath('userData')` returns for this app, computed without
 * Electron so the CLI and web mode open the same library as the desktop app.
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

export function defaultLibraryPath(userDataDir: string = defaultUserDataDir()): string {
  return join(userDataDir, LIBRARY_FILE_NAME);
}

/** `--library` beats `COMMONPLACE_LIBRARY`, which beats the desktop app's default. */
export function resolveLibraryPath(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return explicit || env.COMMONPLACE_LIBRARY || defaultLibraryPath(defaultUserDataDir(env));
}
