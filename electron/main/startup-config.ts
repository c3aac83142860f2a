/**
 * Which library file and which better-sqlite3 binary the desktop app opens. Runtime-neutral.
 */
import { defaultLibraryPath } from '../core/paths';

export interface StartupConfig {
  libraryPath: string;
  /** A better_sqlite3.node built for Electron's ABI; undefined = the package's own build. */
  nativeBinding: string | undefined;
}

/**
 * `COMMONPLACE_LIBRARY` overrides the library file (tests, a second library).
 * `COMMONPLACE_SQLITE_BINDING` is set by `npm start`, which builds an Electron copy of
 * better-sqlite3 beside the Node one. A packaged app ignores it: electron-builder already
 * rebuilt the module for Electron, and loading native code named by the environment is a
 * needless way in.
 */
export function startupConfig(env: NodeJS.ProcessEnv, userDataDir: string, isPackaged: boolean): StartupConfig {
  return {
    libraryPath: env.COMMONPLACE_LIBRARY || defaultLibraryPath(userDataDir),
    nativeBinding: isPackaged ? undefined : env.COMMONPLACE_SQLITE_BINDING || undefined,
  };
}
