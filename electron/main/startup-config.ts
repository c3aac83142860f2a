/**
 * Which library file and which better-sqlite3 binary the desktop app opens. Runtime-neutral.
 */
import { join } from 'node:path';
import { defaultLibraryPath } from '../core/paths';

export interface StartupConfig {
  libraryPath: string;
  /** A better_sqlite3.node built for Electron's ABI; undefined = the package's own build. */
  nativeBinding: string | undefined;
}

/**
 * Where a packaged app keeps better-sqlite3's Electron build, relative to `process.resourcesPath`
 * (outside app.asar: a .node can't be loaded from an archive). The packaging hook
 * (electron/packaging/pack-hooks.cjs) puts it there and refuses a bundle without it.
 */
export const PACKAGED_NATIVE_BINDING = ['native', 'better_sqlite3.node'] as const;

/**
 * `COMMONPLACE_LIBRARY` overrides the library file (tests, a second library).
 * `COMMONPLACE_SQLITE_BINDING` is set by `npm start`, which keeps an Electron copy of
 * better-sqlite3 beside the Node one. A packaged app ignores it and loads the copy packed in its
 * resources (node_modules in the bundle has no build of the module at all): loading native code
 * named by the environment is a needless way in.
 */
export function startupConfig(
  env: NodeJS.ProcessEnv,
  userDataDir: string,
  isPackaged: boolean,
  resourcesPath = '',
): StartupConfig {
  return {
    libraryPath: env.COMMONPLACE_LIBRARY || defaultLibraryPath(userDataDir),
    nativeBinding: isPackaged
      ? join(resourcesPath, ...PACKAGED_NATIVE_BINDING)
      : env.COMMONPLACE_SQLITE_BINDING || undefined,
  };
}
