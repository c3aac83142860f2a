/** Messages between a bulk-import job (parent thread) and its worker. Structured-clone safe. */
import type { ImportResult } from '../../../model/articles';
import type { OnChangedSource } from '../../articles/import';
import type { ParseBudgetOverride } from '../bounded/budget';

export interface WorkerInit {
  libraryPath: string;
  /** better-sqlite3 binary for this runtime (Electron's ABI), as the parent opened the library. */
  nativeBinding?: string;
  /** `paths`: walk and import these; `uploads`: import files the parent posts until `last`. */
  mode: 'paths' | 'uploads';
  paths: string[];
  onChangedSource: OnChangedSource;
  /** The parent's budget override (tests), so the worker's parses are bounded alike. */
  parseBudget?: ParseBudgetOverride;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type ToWorker = { type: 'files'; files: UploadedFile[]; last: boolean } | { type: 'cancel' };

export type FromWorker =
  /** More files were found (a walked folder) or received (uploads). */
  | { type: 'found'; count: number }
  | { type: 'current'; file: string }
  /** `ms`: time spent importing this file (0 for entries that failed in the walk). */
  | { type: 'result'; result: ImportResult; ms: number }
  /** `error`: why the worker stopped early (the library can't be written: every later file would fail alike). */
  | { type: 'done'; cancelled: boolean; notReached: number; error?: string };
