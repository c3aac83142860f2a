/**
 * Where the main process finds the preload and the renderer. Built, electron-vite's layout:
 * out/main/index.js beside out/preload/index.js and out/renderer/. Run from the TypeScript sources
 * (the stand-in shell suite loads electron/main/index.ts), the built ones in out/ (or
 * COMMONPLACE_OUT_DIR, as the build uses it). Runtime-neutral.
 */
import { dirname, join, resolve } from 'node:path';

export interface BundleLayout {
  preloadPath: string;
  rendererDir: string;
}

export function bundleLayout(mainFile: string, env: NodeJS.ProcessEnv = process.env): BundleLayout {
  const mainDir = dirname(mainFile);
  const outDir = mainFile.endsWith('.ts')
    ? resolve(mainDir, '..', '..', env.COMMONPLACE_OUT_DIR || 'out')
    : join(mainDir, '..');
  return {
    preloadPath: join(outDir, 'preload', 'index.js'),
    rendererDir: join(outDir, 'renderer'),
  };
}
