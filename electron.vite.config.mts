import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for every runtime: the Electron main process and the CLI/web server share the
// Node-side code (out/main), the preload is its own sandboxed bundle, the renderer is a web app.
// COMMONPLACE_OUT_DIR builds elsewhere (parallel checkouts and test runs don't overwrite each other).
const OUT = resolve(__dirname, process.env.COMMONPLACE_OUT_DIR ?? 'out');
export default defineConfig({
  main: {
    build: {
      outDir: resolve(OUT, 'main'),
      // Bundled rather than required from node_modules: Node resolves and reads each file of a
      // package (zod alone is 95, every locale included), which cost the CLI ~150 ms at start-up
      // (issue #17); bundled, only what we use is in our chunks. The heavy parsers stay external
      // and load when used.
      externalizeDeps: { exclude: ['zod', 'uuid', 'marked', 'yjs', 'fflate', 'commander'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          bench: resolve(__dirname, 'electron/bench/index.ts'),
          // The bulk-import worker thread; spawned from the code above as out/main/importWorker.js.
          importWorker: resolve(__dirname, 'electron/core/import/bulk/worker.ts'),
          // The bounded parser thread every import parses in; spawned as out/main/parseWorker.js.
          parseWorker: resolve(__dirname, 'electron/core/import/bounded/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(OUT, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(OUT, 'renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
