/**
 * The export engine: selection → document → format → bytes or files. One entry point per use:
 * a preview (first excerpts as the format's text), a build (bytes for a download, with
 * progress), and a write to a path (atomic).
 */
import type { Database } from 'better-sqlite3';
import { zipSync } from 'fflate';
import type { ExportFormat, ExportOptions } from '../../model/export';
import { bibtexFormat, cslJsonFormat, risFormat } from '../citations/exportFormats';
import { csvFormat } from './csv';
import { docxFormat } from './docx';
import { safeFileName } from './fileNames';
import { htmlFormat } from './html';
import { markdownFormat } from './markdown';
import { obsidianFormat } from './obsidian';
import { selectExport, type SelectedDocument } from './select';
import type { CitationFn, ExportOutput, FormatWriter } from './types';
import { webAnnotationFormat } from './webAnnotation';
import { writeExportFolder, type FolderReport } from './folder';
import { writeAtomically } from './write';

export type { CitationFn, FormatWriter } from './types';

/** Every format, by its CLI/API name. A new format is one module plus one line here. */
export const FORMAT_WRITERS: Record<ExportFormat, FormatWriter> = {
  md: markdownFormat,
  obsidian: obsidianFormat,
  csv: csvFormat,
  json: webAnnotationFormat,
  html: htmlFormat,
  docx: docxFormat,
  csljson: cslJsonFormat,
  bibtex: bibtexFormat,
  ris: risFormat,
};

/** Excerpts between progress reports (and pauses that let other work run). */
const PROGRESS_CHUNK = 250;

export interface BuildOptions {
  citation?: CitationFn;
  /** Called every few hundred excerpts, and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

export interface BuiltExport {
  doc: SelectedDocument;
  output: ExportOutput;
  /** The suggested file (or folder) name. */
  name: string;
}

/** The export's file name: its title made safe, with the format's extension. */
export function exportName(title: string, format: ExportFormat): string {
  const ext = FORMAT_WRITERS[format].extension;
  const base = safeFileName(title, 'Commonplace export');
  return ext ? `${base}.${ext}` : base;
}

export async function buildExport(
  db: Database,
  options: ExportOptions,
  opts: BuildOptions = {},
): Promise<BuiltExport> {
  const doc = await selectExport(db, options, { citation: opts.citation });
  const writer = FORMAT_WRITERS[options.format];
  let done = 0;
  const total = doc.items.length;
  const output = await writer.build(doc, {
    tick: () => {
      done++;
      if (done % PROGRESS_CHUNK !== 0) return;
      opts.onProgress?.(done, total);
      // Let the event loop breathe (progress polls, other API calls) during long exports.
      return new Promise<void>((r) => setImmediate(r));
    },
  });
  opts.onProgress?.(total, total);
  return { doc, output, name: exportName(doc.title, options.format) };
}

export interface Preview {
  text: string;
  shown: number;
  total: number;
  sources: number;
  message: string | null;
  fileName: string;
}

/** The same path as an export, limited to the first `limit` excerpts. */
export async function previewExport(
  db: Database,
  options: ExportOptions,
  limit: number,
  citation?: CitationFn,
): Promise<Preview> {
  const doc = await selectExport(db, options, { limit, citation });
  const text = await FORMAT_WRITERS[options.format].preview(doc);
  const name = exportName(doc.title, options.format);
  return {
    text,
    shown: doc.items.length,
    total: doc.total,
    sources: doc.sources.length,
    message: doc.message,
    fileName: options.format === 'obsidian' ? `${name}.zip` : name,
  };
}

/** One file for a download: a folder export is zipped (its files under the folder's name). */
export function asSingleFile(built: BuiltExport): {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
} {
  const out = built.output;
  if (out.kind === 'file')
    return { fileName: built.name, mediaType: out.mediaType, bytes: out.bytes };
  const tree: Record<string, Uint8Array> = {};
  for (const f of out.files) tree[`${built.name}/${f.path}`] = f.bytes;
  return {
    fileName: `${built.name}.zip`,
    mediaType: 'application/zip',
    bytes: zipSync(tree, { level: 6 }),
  };
}

export interface WrittenExport {
  path: string;
  /** A folder export: files the user edited, kept (see folder.ts); null for a file. */
  folder: FolderReport | null;
  files: number;
  bytes: number;
  count: number;
  sources: number;
  message: string | null;
}

/** Builds and writes to `path` (a file, or a folder for Obsidian); nothing half-written on failure. */
export async function exportToPath(
  db: Database,
  options: ExportOptions,
  path: string,
  opts: BuildOptions = {},
): Promise<WrittenExport> {
  const built = await buildExport(db, options, opts);
  const out = built.output;
  const files = out.kind === 'file' ? 1 : out.files.length;
  const bytes =
    out.kind === 'file' ? out.bytes.length : out.files.reduce((n, f) => n + f.bytes.length, 0);
  let folder: FolderReport | null = null;
  if (out.kind === 'file') writeAtomically(path, out.bytes);
  else folder = writeExportFolder(path, out.files);
  return {
    path,
    folder,
    files,
    bytes,
    count: built.doc.items.length,
    sources: built.doc.sources.length,
    message: built.doc.message,
  };
}
