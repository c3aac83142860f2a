import { Buffer } from 'node:buffer';
import { exportToPath, previewExport } from '../../core/export';
import { ExportJobs } from '../../core/export/jobs';
import { exportNote } from '../../core/export/notes';
import { writeAtomically } from '../../core/export/write';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

export function exportHandlers(library: Library) {
  const { db } = library;
  const jobs = new ExportJobs(db);
  return {
    'export.preview': async ({ limit, ...options }) => {
      const p = await previewExport(db, options, limit);
      return {
        text: p.text,
        shown: p.shown,
        fileName: p.fileName,
        count: p.total,
        sources: p.sources,
        message: p.message,
      };
    },
    'export.start': (options) => jobs.start(options),
    'export.status': ({ jobId }) => jobs.status(jobId),
    'export.download': ({ jobId }) => {
      const f = jobs.take(jobId);
      return {
        fileName: f.fileName,
        mediaType: f.mediaType,
        dataBase64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString(
          'base64',
        ),
      };
    },
    'export.toPath': ({ path, ...options }) => exportToPath(db, options, path),
    'export.note': async ({ id, format }) => {
      const f = await exportNote(db, id, format);
      return {
        fileName: f.fileName,
        mediaType: f.mediaType,
        dataBase64: Buffer.from(f.bytes).toString('base64'),
      };
    },
    'export.noteToPath': async ({ id, format, path }) => {
      const f = await exportNote(db, id, format);
      writeAtomically(path, f.bytes);
      return { path, bytes: f.bytes.length };
    },
  } satisfies Partial<Handlers>;
}
