/**
 * The original file kept with every article: read it back (download, open in a viewer) and
 * re-parse the article from it with the current importers (after an importer improved).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertImages } from '../images/store';
import type { Database } from 'better-sqlite3';
import type { ReanchorReport } from '../../model/articles';
import { CommonplaceError } from '../errors';
import { nowIso } from '../ids';
import { parseBounded } from '../import/bounded';
import { reanchorArticlePassages } from '../passages/repo';
import { ensureTags, tagArticle } from '../tags/repo';
import { cleanField } from '../text-fields';
import { articleFields } from './import';
import { getArticleText, replaceArticleContent } from './repo';
import { decodeOriginal } from './originalStore';
import { writeTransaction } from '../db/transactions';

export interface StoredOriginal {
  fileName: string;
  mediaType: string;
  size: number;
  bytes: Buffer;
  /** Where the article came from (path or URL), passed to the parser as on import. */
  source: string | null;
  hash: string;
}

export function getOriginal(db: Database, id: string): StoredOriginal {
  const row = db
    .prepare<
      [string],
      {
        file_name: string;
        media_type: string;
        size: number;
        bytes: Buffer;
        encoding: string;
        delta: number;
        source: string | null;
        hash: string;
      }
    >(
      'SELECT o.file_name, o.media_type, o.size, o.bytes, o.encoding, o.delta, a.source, a.hash FROM articles a JOIN originals o ON o.hash = a.hash WHERE a.id = ?',
    )
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  return {
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    bytes: decodeOriginal(db, row),
    source: row.source,
    hash: row.hash,
  };
}

/**
 * Runs today's importer on the stored original and replaces the article's content with the
 * result; passages are re-anchored (none is dropped: unplaceable ones become orphans). Tags the
 * source declares are added; the user's own tags stay. Parsing happens before the transaction.
 */
export async function reparseArticle(db: Database, id: string): Promise<ReanchorReport> {
  const original = getOriginal(db, id);
  const parsed = await parseBounded(
    original.bytes,
    original.fileName,
    original.source ? { source: original.source } : {},
  );
  const fields = articleFields(
    parsed,
    {
      bytes: original.bytes,
      fileName: original.fileName,
      ...(original.source ? { source: original.source } : {}),
    },
    original.hash,
  );
  return writeTransaction(db, () => {
    const oldText = getArticleText(db, id);
    insertImages(db, parsed.images ?? [], nowIso());
    replaceArticleContent(db, id, fields, nowIso());
    const names = parsed.tags.filter((t) => cleanField(t));
    if (names.length) tagArticle(db, id, ensureTags(db, names));
    return reanchorArticlePassages(db, id, oldText, fields.text);
  });
}

/** File extensions by stored media type: a viewer picks its program by extension, and the stored name may not have one. */
const EXTENSIONS: Record<string, string> = {
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/html': '.html',
  'application/pdf': '.pdf',
  'application/epub+zip': '.epub',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/zip': '.zip',
  'multipart/related': '.mhtml',
};

/**
 * Writes the original to a fresh private temp folder for a system viewer. The file's name is the
 * stored name's stem (path separators and control characters removed) plus the extension of its
 * real media type, so a text file once called "x.exe" never reaches the OS as a program.
 */
export function writeOriginalToTemp(
  original: Pick<StoredOriginal, 'fileName' | 'mediaType' | 'bytes'>,
): string {
  const ext = EXTENSIONS[original.mediaType] ?? '.bin';
  const base = original.fileName.split(/[\\/]/).pop() ?? '';
  const stem =
    base
      .replace(/\.[^.]*$/, '')
      .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 120) || 'original';
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-original-'));
  const path = join(dir, stem + ext);
  writeFileSync(path, original.bytes, { mode: 0o600 });
  return path;
}
