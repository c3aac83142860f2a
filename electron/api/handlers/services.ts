import { BulkJobs, type BulkJobOptions } from '../../core/articles/bulkJobs';
import { BulkImports, type BulkImportOptions } from '../../core/import/bulk/jobs';
import type { Library } from '../../core/library';
import { LiveSync, type LiveSyncOptions } from '../../core/sync/live';

/** Opens a file in the OS's default program; only the desktop app has one. */
export type SystemViewer = (path: string) => Promise<void>;

/**
 * What the handlers use besides the library, made by whoever opens it (the app, the CLI, web
 * mode, tests) and passed to `createHandlers`: no handler file keeps process-wide state, and the
 * opener holds what it must stop before closing the library.
 */
export interface Services {
  /** The library's bulk-import jobs (worker threads): stop them (`closeAll`) before closing it. */
  bulkImports: BulkImports;
  /** Large bulk actions (trash, restore… on thousands of articles): `stopAll` before closing. */
  bulkJobs: BulkJobs;
  /** null where there is none (web mode, the CLI): `articles.openOriginal` then refuses. */
  systemViewer: SystemViewer | null;
  /** The sync folder's watcher where the library stays open (app, web mode): `stop` it before closing. */
  liveSync: LiveSync | null;
}

export interface ServiceOptions {
  /** Options of every bulk-import job (the desktop app passes Electron's better-sqlite3 build). */
  bulkImport?: BulkImportOptions;
  bulkJobs?: BulkJobOptions;
  systemViewer?: SystemViewer | null;
  /** Watch the sync folder and send local changes as they happen (a long-running app or server). */
  liveSync?: boolean | LiveSyncOptions;
}

export function createServices(library: Library, options: ServiceOptions = {}): Services {
  return {
    bulkImports: new BulkImports(library, options.bulkImport),
    bulkJobs: new BulkJobs(library, options.bulkJobs),
    systemViewer: options.systemViewer ?? null,
    liveSync: options.liveSync
      ? new LiveSync(library, options.liveSync === true ? {} : options.liveSync)
      : null,
  };
}
