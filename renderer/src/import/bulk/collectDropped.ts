/**
 * Files from a drop that may hold folders: each folder is read recursively through the
 * File and Directory Entries API (`webkitGetAsEntry`), skipping hidden and system clutter the
 * same way a folder import by path does. Entries must be taken during the drop event (the
 * DataTransfer empties afterwards); reading them happens after.
 */
import type { ImportResult } from '../../../../electron/model/articles';
import { isJunkName } from '../../../../electron/model/junkNames';

export interface PickedFile {
  file: File;
  /** Where it was inside the dropped folder (`folder/sub/name.md`), for the report. */
  path: string;
}

export interface Collected {
  files: PickedFile[];
  failures: ImportResult[];
  /** A folder was dropped (so the import is a bulk one, with progress and a report). */
  hadFolder: boolean;
}

export interface Dropped {
  entries: FileSystemEntry[];
  /** Files the browser gave without entries (older engines): taken as they are. */
  loose: File[];
  /** Each dropped item as a File (a folder too): the desktop app knows their paths on disk. */
  files: File[];
}

/** Call inside the `drop` handler. */
export function takeDropped(data: DataTransfer): Dropped {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  const files = Array.from(data.files);
  if (entries.length === 0 && loose.length === 0) loose.push(...files);
  return { entries, loose, files };
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** All children of a folder: `readEntries` hands them out in batches until an empty one. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function failure(file: string, message: string): ImportResult {
  return { ok: false, file, error: { code: 'io_error', message: `${file}: ${message}` } };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

export async function collectDropped({ entries, loose }: Dropped): Promise<Collected> {
  const out: Collected = {
    files: loose.map((file) => ({ file, path: file.name })),
    failures: [],
    hadFolder: false,
  };
  const visit = async (entry: FileSystemEntry, top: boolean): Promise<void> => {
    const path = entry.fullPath.replace(/^\//, '') || entry.name;
    // Hidden entries inside a folder are skipped; one the user dropped by itself is meant.
    if (!top && isJunkName(entry.name)) return;
    if (entry.isFile) {
      try {
        out.files.push({ file: await fileOf(entry as FileSystemFileEntry), path });
      } catch (error) {
        out.failures.push(failure(path, `cannot be read (${reason(error)})`));
      }
      return;
    }
    if (!entry.isDirectory) return;
    out.hadFolder = true;
    let children: FileSystemEntry[];
    try {
      children = await childrenOf(entry as FileSystemDirectoryEntry);
    } catch (error) {
      out.failures.push(failure(path, `folder cannot be read (${reason(error)})`));
      return;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await visit(child, false);
  };
  for (const entry of entries) await visit(entry, true);
  return out;
}

/** Files chosen with a folder picker (`<input webkitdirectory>`), with their relative paths. */
export function pickedFolderFiles(files: readonly File[]): Collected {
  const kept = files.filter(
    (f) =>
      !(f.webkitRelativePath || f.name).split('/').some((part, i) => i > 0 && isJunkName(part)),
  );
  return {
    files: kept.map((file) => ({ file, path: file.webkitRelativePath || file.name })),
    failures: [],
    hadFolder: true,
  };
}
