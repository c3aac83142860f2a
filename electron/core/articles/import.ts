import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ArticleSummary, ImportResult } from '../../api/contract';
import { bodyToText } from '../body';
import { CommonplaceError, errorMessage, isCommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { checkImportSize, MEDIA_TYPES, parseDocument } from '../import';
import { ensureTags, tagArticle } from '../tags/repo';
import { cleanField, truncate } from '../text-fields';
import { findArticleByHash, getArticleSummary, insertArticle } from './repo';

export interface ImportSource {
  bytes: Uint8Array;
  /** Shown in messages and kept as the original's name. */
  fileName: string;
  /** Absolute file path or URL the bytes came from, when known. */
  source?: string;
}

export interface Imported {
  duplicate: boolean;
  article: ArticleSummary;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Imports one document in one transaction: the original bytes, the article, its tags. The same
 * bytes imported twice return the existing article. Parsing happens before the transaction so a
 * parse failure writes nothing.
 */
export function importDocument(db: Database, src: ImportSource): Imported {
  checkImportSize(src.bytes.byteLength, src.fileName);
  const hash = sha256Hex(src.bytes);
  const existing = findArticleByHash(db, hash);
  if (existing) return { duplicate: true, article: existing };

  const parsed = parseDocument(src.bytes, src.fileName, src.source);
  const text = bodyToText(parsed.body);
  if (!text.trim()) throw new CommonplaceError('empty_file', `${src.fileName}: no readable text was found in the file`);
  const id = newId();
  const now = nowIso();
  const fileTitle = basename(src.fileName).replace(/\.[^.]+$/, '') || 'Untitled';

  db.transaction(() => {
    db.prepare(
      'INSERT OR IGNORE INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(hash, Buffer.from(src.bytes.buffer, src.bytes.byteOffset, src.bytes.byteLength), src.bytes.byteLength, MEDIA_TYPES[parsed.format], truncate(src.fileName, 1024), now);
    insertArticle(db, {
      id,
      title: cleanField(parsed.title) ?? cleanField(fileTitle) ?? 'Untitled',
      subtitle: cleanField(parsed.subtitle),
      byline: cleanField(parsed.byline),
      published: cleanField(parsed.published, 64),
      siteName: cleanField(parsed.siteName),
      lang: cleanField(parsed.lang, 35),
      excerpt: cleanField(parsed.excerpt, 2000),
      source: src.source ?? null,
      format: parsed.format,
      hash,
      text,
      body: parsed.body,
      createdAt: now,
    });
    if (parsed.tags.length) tagArticle(db, id, ensureTags(db, parsed.tags.filter((t) => cleanField(t))));
  })();
  return { duplicate: false, article: getArticleSummary(db, id) };
}

/** Imports each path on its own: one bad file gets its own error and the others still land. */
export function importPaths(db: Database, paths: readonly string[]): ImportResult[] {
  return paths.map((p) => {
    try {
      const { duplicate, article } = importDocument(db, readImportFile(p));
      return { ok: true as const, file: p, duplicate, article };
    } catch (e) {
      return { ok: false as const, file: p, error: toImportError(e) };
    }
  });
}

export function toImportError(e: unknown): { code: string; message: string } {
  if (isCommonplaceError(e)) return { code: e.code, message: e.message };
  return { code: 'internal', message: errorMessage(e) };
}

/** Reads a file for import with a clear, named error for each way a path can be unusable. */
export function readImportFile(path: string): ImportSource {
  const abs = resolve(path);
  let stat;
  try {
    stat = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CommonplaceError('not_found', `${path}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new CommonplaceError('io_error', `${path}: cannot be read (permission denied)`);
    throw new CommonplaceError('io_error', `${path}: cannot be read (${errorMessage(e)})`);
  }
  if (stat.isDirectory()) throw new CommonplaceError('not_a_file', `${path}: is a folder, not a file`);
  if (!stat.isFile()) throw new CommonplaceError('not_a_file', `${path}: is not a regular file`);
  checkImportSize(stat.size, path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new CommonplaceError('io_error', `${path}: cannot be read (permission denied)`);
    throw new CommonplaceError('io_error', `${path}: cannot be read (${errorMessage(e)})`);
  }
  return { bytes, fileName: basename(abs), source: realpathSync(abs) };
}
