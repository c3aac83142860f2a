/**
 * An article's citation metadata: read (what import found, what the user set, and the result),
 * edited (one patch, one transaction, the inverse patch returned for undo) and replaced on
 * re-import (the user's edits survive).
 *
 * The fields the library list also shows (title, subtitle, authors, date, publication, language)
 * are mirrored into the article's columns, so the list, search and citations agree. Before the
 * first edit of such a field its column's value is kept in `imported`, so clearing the edit
 * (or undoing it) restores exactly what was there.
 */
import type { Database } from 'better-sqlite3';
import { nameToDisplay } from '../../model/metaText';
import {
  applyMetaPatch,
  readStoredMeta,
  SourceMetaSchema,
  type CslDate,
  type ArticleMeta,
  type MetaKey,
  type SourceMeta,
  type SourceMetaPatch,
} from '../../model/sourceMeta';
import { effectiveMeta, metaToCsl } from '../citations/item';
import { citableSources } from '../citations/sources';
import { nowIso } from '../ids';
import { CommonplaceError } from '../errors';
import { writeTransaction } from '../db/transactions';

export type ArticleMetaView = ArticleMeta;

type Column = 'title' | 'subtitle' | 'byline' | 'published' | 'site_name' | 'lang';
type Columns = Record<Column, string | null>;

/** ISO date with the precision known ("2024", "2024-06", "2024-06-18"); null without date-parts. */
function isoDate(d: CslDate): string | null {
  const p = d['date-parts']?.[0];
  if (!p) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return [String(p[0]).padStart(4, '0'), p[1] && two(p[1]), p[1] && p[2] && two(p[2])]
    .filter(Boolean)
    .join('-');
}

interface Mirror {
  column: Column;
  toColumn(meta: SourceMeta): string | null | undefined;
}

/** Metadata fields with a column of their own. */
const MIRRORS: Partial<Record<MetaKey, Mirror>> = {
  title: { column: 'title', toColumn: (m) => m.title },
  subtitle: {
    column: 'subtitle',
    toColumn: (m) => m.subtitle,
  },
  author: {
    column: 'byline',
    toColumn: (m) => m.author?.map(nameToDisplay).join(', '),
  },
  issued: {
    column: 'published',
    toColumn: (m) => (m.issued ? isoDate(m.issued) : undefined),
  },
  'container-title': {
    column: 'site_name',
    toColumn: (m) => m['container-title'],
  },
  language: { column: 'lang', toColumn: (m) => m.language },
};

interface MetaRow {
  imported: string;
  edited: string;
}

/** The columns' own values from before the user's edits, kept beside `imported` (not CSL). */
export const SAVED_COLUMNS = '_columns';

interface Stored {
  imported: SourceMeta;
  edited: SourceMeta;
  saved: Partial<Columns>;
}

function storedMeta(db: Database, id: string): Stored {
  const row = db
    .prepare<[string], MetaRow>('SELECT imported, edited FROM article_meta WHERE article_id = ?')
    .get(id);
  let saved: Partial<Columns> = {};
  try {
    const raw = (JSON.parse(row?.imported ?? '{}') as Record<string, unknown>)[SAVED_COLUMNS];
    if (raw && typeof raw === 'object')
      saved = Object.fromEntries(
        Object.entries(raw).filter(([, v]) => typeof v === 'string' || v === null),
      ) as Partial<Columns>;
  } catch {
    // Unreadable stored JSON counts as none (readStoredMeta says the same).
  }
  return { imported: readStoredMeta(row?.imported), edited: readStoredMeta(row?.edited), saved };
}

function writeMeta(db: Database, id: string, s: Stored): void {
  const imported = Object.keys(s.saved).length
    ? { ...s.imported, [SAVED_COLUMNS]: s.saved }
    : s.imported;
  db.prepare(
    `INSERT INTO article_meta (article_id, imported, edited, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET imported = excluded.imported, edited = excluded.edited, updated_at = excluded.updated_at`,
  ).run(id, JSON.stringify(imported), JSON.stringify(s.edited), nowIso());
}

function columns(db: Database, id: string): Columns {
  const row = db
    .prepare<[string], Columns>(
      'SELECT title, subtitle, byline, published, site_name, lang FROM articles WHERE id = ?',
    )
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  return row;
}

/** The columns of the mirrored fields in `keys`: the edit, else the column as it was before edits. */
function mirrorColumns(db: Database, id: string, keys: readonly MetaKey[], s: Stored): void {
  for (const key of keys) {
    const mirror = MIRRORS[key];
    if (!mirror) continue;
    const edit = mirror.toColumn(s.edited);
    const value = edit !== undefined ? edit : s.saved[mirror.column];
    if (value === undefined || (value === null && mirror.column === 'title')) continue;
    db.prepare(`UPDATE articles SET ${mirror.column} = ? WHERE id = ?`).run(value, id);
  }
}

/** Keeps the columns' current values before an edit first overwrites them. */
function saveColumns(cols: Columns, keys: readonly MetaKey[], saved: Partial<Columns>) {
  const out = { ...saved };
  for (const key of keys) {
    const column = MIRRORS[key]?.column;
    if (column && !(column in out)) out[column] = cols[column];
  }
  return out;
}

export function getArticleMeta(db: Database, id: string): ArticleMetaView {
  const source = citableSources(db, [id]).get(id);
  if (!source) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  const { imported, edited } = storedMeta(db, id);
  const effective = effectiveMeta(source);
  return { id, imported, edited, effective, csl: metaToCsl(id, effective) };
}

/**
 * Applies the user's edit (fields set, null clears) in one transaction. Returns the new metadata
 * and the patch that undoes the edit (each field back to its previous edit, or cleared).
 */
export function editArticleMeta(
  db: Database,
  id: string,
  patch: SourceMetaPatch,
): { meta: ArticleMetaView; undo: SourceMetaPatch } {
  const keys = (Object.keys(patch) as MetaKey[]).filter((k) => patch[k] !== undefined);
  const undo = writeTransaction(db, () => {
    const cols = columns(db, id);
    const { imported, edited, saved } = storedMeta(db, id);
    const next = applyMetaPatch(edited, patch);
    const checked = SourceMetaSchema.safeParse(next);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new CommonplaceError(
        'invalid_input',
        `article ${id}: ${issue.path.join('.')}: ${issue.message}`,
      );
    }
    const stored: Stored = {
      imported,
      edited: checked.data,
      saved: saveColumns(cols, keys, saved),
    };
    writeMeta(db, id, stored);
    mirrorColumns(db, id, keys, stored);
    if (keys.some((k) => MIRRORS[k]))
      db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?').run(nowIso(), id);
    return Object.fromEntries(keys.map((k) => [k, edited[k] ?? null])) as SourceMetaPatch;
  });
  return { meta: getArticleMeta(db, id), undo };
}

/**
 * What a (re-)import found, inside the import's transaction after the article's columns were
 * written: replaces `imported`, and writes the user's edits over the new columns again.
 */
export function setImportedMeta(db: Database, id: string, found: SourceMeta): void {
  const { edited } = storedMeta(db, id);
  const editedKeys = Object.keys(edited) as MetaKey[];
  // The new columns are what this import found: they are what clearing an edit brings back.
  const stored: Stored = {
    imported: found,
    edited,
    saved: saveColumns(columns(db, id), editedKeys, {}),
  };
  writeMeta(db, id, stored);
  mirrorColumns(db, id, editedKeys, stored);
}
