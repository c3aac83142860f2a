import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ArticleSummary, ImportResult, ReanchorReport } from '../../model/articles';
import { bodyToText } from '../../model/body';
import { boundedContents } from '../../model/contents';
import { explainStorageError } from '../db/storage';
import { CommonplaceError, errorMessage, isCommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { checkImportSize, MEDIA_TYPES } from '../import';
import { parseBounded } from '../import/bounded';
import type { ParsedArticle } from '../import/types';
import { reanchorArticlePassages } from '../passages/repo';
import { ensureTags, tagArticle } from '../tags/repo';
import { cleanField, truncate } from '../text-fields';
import { insertImages } from '../images/store';
import { insertOriginal } from './originalStore';
import { isUrlSource, readSourceFile, type ImportSource } from './sourcePath';
import { withSavedPageFolder } from './savedPageFolder';
import { restoreArticles } from './state';
import {
  findArticleByHash,
  findArticleBySource,
  getArticleSummary,
  getArticleText,
  insertArticle,
  replaceArticleContent,
  type NewArticle,
} from './repo';
import { writeTransaction } from '../db/transactions';
import { validMetaFields } from '../../model/sourceMeta';
import { UNTITLED } from '../../model/titles';

export interface Imported {
  duplicate: boolean;
  article: ArticleSummary;
  newVersion?: 'available' | ReanchorReport;
  /** What the parser noticed but imported anyway (ParsedArticle.warnings); only when it parsed. */
  warnings?: string[];
}

/** The per-file result clients get for an import that succeeded, named `file` as they know it. */
export function importedResult(
  file: string,
  { duplicate, article, newVersion, warnings }: Imported,
): ImportResult {
  return {
    ok: true,
    file,
    duplicate,
    article,
    ...(newVersion ? { newVersion } : {}),
    ...(warnings?.length ? { warnings } : {}),
  };
}

/** What to do with changed bytes at a path an article was imported from. */
export type OnChangedSource = 'offer' | 'update';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Imports one document in one transaction: the original bytes, the article, its tags. The same
 * bytes imported twice return the existing article. New bytes from the path of an existing
 * article are a new version of it: offered, or applied with its passages re-anchored. Parsing
 * happens first, in the bounded parser thread (never on the caller's thread), so a parse failure
 * writes nothing; the duplicate check runs again inside it, as another import may have landed meanwhile.
 */
export async function importDocument(
  db: Database,
  src: ImportSource,
  onChangedSource: OnChangedSource = 'offer',
): Promise<Imported> {
  const prepared = await prepareImport(db, src, onChangedSource);
  return 'done' in prepared ? prepared.done : writeTransaction(db, prepared.write);
}

/**
 * A document read and parsed, its write still to come: `done` when nothing is left to write (a
 * duplicate, a restore, a new version only offered); else `write`, which must run inside a write
 * transaction — its own (`importDocument`) or, nested as a savepoint, a bulk import's batch.
 */
export type PreparedImport = { done: Imported } | { write: () => Imported; staged?: StagedImport };

/**
 * A new article's write in its three parts, for a bulk import that inserts a batch's articles
 * with one statement (`insertArticles`): `before` stores what the article refers to (original,
 * images), `article` is its row, `after` adds what refers to it (tags) and gives the result.
 * `write` is the same three in one, after checking the hash is not in the library yet.
 */
export interface StagedImport {
  hash: string;
  before: () => void;
  article: NewArticle;
  after: () => Imported;
}

/** `importDocument` up to its write: the duplicate checks and the parse, nothing written yet. */
export async function prepareImport(
  db: Database,
  src: ImportSource,
  onChangedSource: OnChangedSource = 'offer',
): Promise<PreparedImport> {
  checkImportSize(src.bytes.byteLength, src.fileName);
  const hash = sha256Hex(src.bytes);
  const existing = findArticleByHash(db, hash);
  if (existing?.trashedAt) {
    // Imported again after being put in the trash: the user wants it back, with what it held.
    const [restored] = restoreArticles(db, [existing.id]);
    return {
      done: {
        duplicate: true,
        article: restored!,
        warnings: ['it was in the trash: restored, with its passages'],
      },
    };
  }
  if (existing) return { done: { duplicate: true, article: existing } };
  const previous = src.source ? findArticleBySource(db, src.source) : undefined;
  if (previous && onChangedSource === 'offer')
    return { done: { duplicate: false, article: previous, newVersion: 'available' } };

  const parsed = await parseBounded(
    src.bytes,
    src.fileName,
    src.source === undefined ? {} : { source: src.source },
  );
  const found = [...(src.warnings ?? []), ...(parsed.warnings ?? [])];
  const fields = articleFields(parsed, src, hash, (w) => found.push(w));
  const warnings = found.length ? { warnings: found } : {};
  const now = nowIso();
  const storeOriginal = () =>
    insertOriginal(db, {
      hash,
      bytes: Buffer.from(src.bytes.buffer, src.bytes.byteOffset, src.bytes.byteLength),
      mediaType: parsed.originalMediaType ?? MEDIA_TYPES[parsed.format],
      fileName: truncate(src.fileName, 1024),
      createdAt: now,
      articleText: fields.text,
    });
  const storeImages = () => insertImages(db, parsed.images ?? [], now);
  const addTags = (id: string) => {
    const names = parsed.tags.filter((t) => cleanField(t));
    if (names.length) tagArticle(db, id, ensureTags(db, names));
  };

  if (previous)
    return {
      write: () => {
        // The earlier original stays in the library: nothing the user imported is ever thrown away.
        storeOriginal();
        storeImages();
        const oldText = getArticleText(db, previous.id);
        replaceArticleContent(db, previous.id, fields, now);
        addTags(previous.id);
        const report = reanchorArticlePassages(db, previous.id, oldText, fields.text);
        return {
          duplicate: false,
          article: getArticleSummary(db, previous.id),
          newVersion: report,
          ...warnings,
        };
      },
    };

  const id = newId();
  const staged: StagedImport = {
    hash,
    before: () => {
      storeOriginal();
      storeImages();
    },
    article: { id, ...fields, createdAt: now },
    after: () => {
      addTags(id);
      return { duplicate: false, article: getArticleSummary(db, id), ...warnings };
    },
  };
  return {
    staged,
    write: () => {
      // Again inside the write: another import (or an earlier file of the same batch) may have landed it.
      const raced = findArticleByHash(db, hash);
      if (raced) return { duplicate: true, article: raced };
      staged.before();
      insertArticle(db, staged.article);
      return staged.after();
    },
  };
}

/**
 * The article row's fields from a parse, with metadata cleaned and the file name as last-resort
 * title; `warn` hears metadata kept only in part.
 */
export function articleFields(
  parsed: ParsedArticle,
  src: ImportSource,
  hash: string,
  warn: (message: string) => void = () => {},
) {
  const text = bodyToText(parsed.body);
  if (!text.trim())
    throw new CommonplaceError(
      'empty_file',
      `${src.fileName}: no readable text was found in the file`,
    );
  const fileTitle = basename(src.fileName).replace(/\.[^.]+$/, '') || UNTITLED;
  return {
    title: cleanField(parsed.title) ?? cleanField(fileTitle) ?? UNTITLED,
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
    pages: parsed.pages ?? null,
    // Bounded again here: the parse ran in a worker, and a start must fall inside this text.
    contents: boundedContents(parsed.contents ?? [], text.length),
    meta: validMetaFields(parsed.meta, (w) => warn(`${src.fileName}: ${w}`)),
  };
}

/** Imports each path on its own: one bad file gets its own error and the others still land. */
export async function importPaths(
  db: Database,
  paths: readonly string[],
  onChangedSource: OnChangedSource = 'offer',
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const p of paths) {
    try {
      // A page saved as "Web page, complete" comes with the pictures of its `_files` folder.
      const src = await withSavedPageFolder(readImportFile(p));
      results.push(importedResult(p, await importDocument(db, src, onChangedSource)));
    } catch (e) {
      results.push({ ok: false as const, file: p, error: toImportError(e, db) });
    }
  }
  return results;
}

/**
 * Re-reads the file an article came from; `report` is null when the file has not changed.
 * Local only (not over HTTP: see the contract), and the stored path is checked (sourcePath.ts).
 */
export async function updateFromSource(
  db: Database,
  id: string,
): Promise<{ article: ArticleSummary; report: ReanchorReport | null }> {
  const article = getArticleSummary(db, id);
  if (!article.source || isUrlSource(article.source)) {
    throw new CommonplaceError(
      'invalid_input',
      `article ${id}: was not imported from a file, so there is nothing to re-read`,
    );
  }
  // The path is data (a restored or foreign library may hold any): checked before it is followed.
  const file = await withSavedPageFolder(readSourceFile(article.source, `article ${id}`));
  const result = await importDocument(db, file, 'update');
  if (result.duplicate) {
    if (result.article.id !== id)
      throw new CommonplaceError(
        'invalid_input',
        `${article.source}: now holds the same text as another article ("${result.article.title}")`,
      );
    return { article, report: null };
  }
  return {
    article: result.article,
    report: typeof result.newVersion === 'object' ? result.newVersion : null,
  };
}

export function toImportError(e: unknown, db?: Database): { code: string; message: string } {
  if (isCommonplaceError(e)) return { code: e.code, message: e.message };
  const storage = explainStorageError(e, db?.name ?? 'the library');
  if (storage) return { code: storage.code, message: storage.message };
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
    if (code === 'EACCES' || code === 'EPERM')
      throw new CommonplaceError('io_error', `${path}: cannot be read (permission denied)`);
    throw new CommonplaceError('io_error', `${path}: cannot be read (${errorMessage(e)})`);
  }
  if (stat.isDirectory())
    throw new CommonplaceError('not_a_file', `${path}: is a folder, not a file`);
  if (!stat.isFile()) throw new CommonplaceError('not_a_file', `${path}: is not a regular file`);
  checkImportSize(stat.size, path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new CommonplaceError('io_error', `${path}: cannot be read (permission denied)`);
    throw new CommonplaceError('io_error', `${path}: cannot be read (${errorMessage(e)})`);
  }
  return { bytes, fileName: basename(abs), source: realpathSync(abs) };
}
