import { Buffer } from 'node:buffer';
import type { ExportJobs } from '../../core/export/jobs';
import { writeAtomically } from '../../core/export/write';
import type { Library } from '../../core/library';
import type { Handlers } from './types';
import { onFirstUse } from '../onFirstUse';

/*
 * The export engine (docx, fflate, citeproc, marked, csv…) is loaded with the first export call,
 * not with the app, web mode or every CLI command (electron/cli/startup.test.ts).
 */
const engine = onFirstUse(() => import('../../core/export'));
const noteExport = onFirstUse(() => import('../../core/export/notes'));

export function exportHandlers(library: Library) {
  const { db } = library;
  let jobs: Promise<ExportJobs> | undefined;
  const exportJobs = () =>
    (jobs ??= import('../../core/export/jobs').then(({ ExportJobs }) => new ExportJobs(db)));
  return {
    'export.preview': async ({ limit, ...options }) => {
      const p = await (await engine()).previewExport(db, options, limit);
      return {
        text: p.text,
        shown: p.shown,
        fileName: p.fileName,
        count: p.total,
        sources: p.sources,
        message: p.message,
      };
    },
    'export.start': async (options) => (await exportJobs()).start(options),
    'export.status': async ({ jobId }) => (await exportJobs()).status(jobId),
    'export.download': async ({ jobId }) => {
      const f = (await exportJobs()).take(jobId);
      return {
        fileName: f.fileName,
        mediaType: f.mediaType,
        dataBase64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString(
          'base64',
        ),
      };
    },
    'export.toPath': async ({ path, ...options }) =>
      (await engine()).exportToPath(db, options, path),
    'export.note': async ({ id, format, style }) => {
      const f = await (await noteExport()).exportNote(db, id, format, style);
      return {
        fileName: f.fileName,
        mediaType: f.mediaType,
        dataBase64: Buffer.from(f.bytes).toString('base64'),
      };
    },
    'export.noteToPath': async ({ id, format, style, path }) => {
      const f = await (await noteExport()).exportNote(db, id, format, style);
      writeAtomically(path, f.bytes);
      return { path, bytes: f.bytes.length };
    },
  } satisfies Partial<Handlers>;
}
