/**
 * Notes (table `notes`, migration 4). A note's document is Lexical JSON, stored as written; its
 * plain text, word count and the links its mentions and quotes imply are derived on every save,
 * in the same transaction. Deleting is soft (`deleted_at`): `restoreNote` undoes it and the note's
 * links stay meanwhile (lists show the note as deleted).
 */
import type { Database } from 'better-sqlite3';
import { MAX_NOTE_DOC_CHARS, type Note, type NoteSummary } from '../../model/notes';
import { CommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { syncNoteLinks } from '../links/repo';
import { safeTagKey } from '../tags/names';
import { ensureTags } from '../tags/repo';
import { mergedInto } from '../sync/merge';
import { analyzeDoc, checkDoc, countWords, excerptOf } from './docWalk';
import { markdownToDoc } from './fromMarkdown';
import { emptyDoc, type JsonDoc } from './lexicalJson';
import { writeTransaction } from '../db/transactions';

interface NoteRow {
  id: string;
  title: string;
  excerpt: string;
  word_count: number;
  tags: string | null;
  created_at: string;
  updated_at: string;
}

const TAGS_OF = `(SELECT json_group_array(name) FROM (SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
    WHERE nt.note_id = n.id ORDER BY t.name_key)) AS tags`;
// Lists read only the small leading columns, never a 5 MB note's text or document.
const SELECT_SUMMARY = `SELECT n.id, n.title, n.excerpt, n.word_count, n.created_at, n.updated_at, ${TAGS_OF} FROM notes n`;

function toSummary(r: NoteRow): NoteSummary {
  return {
    id: r.id,
    title: r.title,
    excerpt: r.excerpt,
    wordCount: r.word_count,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Titles are one line: NFC, control characters and line breaks as spaces, trimmed. */
function cleanTitle(title: string): string {
  const t = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .trim();
  if (t.length > 1000)
    throw new CommonplaceError('invalid_input', 'note title is longer than 1,000 characters');
  return t;
}

export interface Derived {
  json: string;
  text: string;
  excerpt: string;
  wordCount: number;
  doc: JsonDoc;
}

/** Checks a document and derives what is stored beside it; refuses one over the size limit before anything is written. */
export function derive(doc: unknown): Derived {
  const checked = checkDoc(doc);
  const json = JSON.stringify(checked);
  if (json.length > MAX_NOTE_DOC_CHARS) {
    throw new CommonplaceError(
      'too_large',
      `note document is ${json.length.toLocaleString('en-US')} characters; a note holds at most ${MAX_NOTE_DOC_CHARS.toLocaleString('en-US')} (split it into several notes)`,
    );
  }
  const text = analyzeDoc(checked).text;
  return { json, text, excerpt: excerptOf(text), wordCount: countWords(text), doc: checked };
}

export function saveDerivedLinks(db: Database, id: string, doc: JsonDoc): void {
  const { mentions, quotedPassageIds } = analyzeDoc(doc);
  // A mention of an article that sync folded into its twin (the same file imported on two
  // devices) keeps its link, to the article that stays; the document keeps the id it was written with.
  const resolved = mentions.map((m) =>
    m.kind === 'article' ? { kind: m.kind, id: mergedInto(db, m.id) ?? m.id } : m,
  );
  syncNoteLinks(db, id, { mentions: resolved, quotedPassageIds });
}

function liveNoteRow(db: Database, id: string): { title: string } {
  const row = db
    .prepare<[string], { title: string; deleted_at: string | null }>(
      'SELECT title, deleted_at FROM notes WHERE id = ?',
    )
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `note ${id}: not in this library`);
  if (row.deleted_at)
    throw new CommonplaceError('not_found', `note ${id}: was deleted (restore it first)`);
  return row;
}

export function getNoteSummary(db: Database, id: string): NoteSummary {
  const row = db
    .prepare<[string], NoteRow>(`${SELECT_SUMMARY} WHERE n.id = ? AND n.deleted_at IS NULL`)
    .get(id);
  if (!row) {
    liveNoteRow(db, id);
    throw new CommonplaceError('not_found', `note ${id}: not in this library`);
  }
  return toSummary(row);
}

export function getNote(db: Database, id: string): Note {
  const row = db
    .prepare<[string], NoteRow & { doc: string; text: string }>(
      `SELECT n.id, n.title, n.excerpt, n.word_count, n.created_at, n.updated_at, n.text, n.doc, ${TAGS_OF} FROM notes n WHERE n.id = ? AND n.deleted_at IS NULL`,
    )
    .get(id);
  if (!row) {
    liveNoteRow(db, id);
    throw new CommonplaceError('not_found', `note ${id}: not in this library`);
  }
  return { ...toSummary(row), doc: JSON.parse(row.doc) as Note['doc'], text: row.text };
}

export interface NewNote {
  title: string;
  doc?: unknown;
  markdown?: string;
  tags: readonly string[];
}

/**
 * A new note: empty, from a document, or from Markdown. A Markdown note without a title takes
 * its leading level-1 heading as the title (and drops it from the body, where it would repeat).
 */
export function createNote(db: Database, n: NewNote): Note {
  if (n.doc !== undefined && n.markdown !== undefined)
    throw new CommonplaceError('invalid_input', 'give a note a doc or markdown, not both');
  let title = cleanTitle(n.title);
  let doc: JsonDoc = n.doc === undefined ? emptyDoc() : checkDoc(n.doc);
  if (n.markdown !== undefined) {
    doc = markdownToDoc(n.markdown);
    const first = doc.root.children[0];
    if (!title && first?.type === 'heading' && first.tag === 'h1') {
      title = cleanTitle(analyzeDoc({ root: { ...doc.root, children: [first] } }).text);
      if (doc.root.children.length > 1) doc.root.children.shift();
      else doc = emptyDoc();
    }
  }
  const d = derive(doc);
  const id = newId();
  const now = nowIso();
  writeTransaction(db, () => {
    db.prepare(
      'INSERT INTO notes (id, title, excerpt, word_count, created_at, updated_at, text, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, title, d.excerpt, d.wordCount, now, now, d.text, d.json);
    setTags(db, id, n.tags);
    saveDerivedLinks(db, id, d.doc);
  });
  return getNote(db, id);
}

/**
 * Saves a note (autosave). An unchanged title and document write nothing, so repeated autosaves
 * send no change events.
 */
export function updateNote(
  db: Database,
  id: string,
  patch: { title?: string; doc?: unknown },
): NoteSummary {
  const current = liveNoteRow(db, id);
  const title = patch.title === undefined ? undefined : cleanTitle(patch.title);
  const d = patch.doc === undefined ? undefined : derive(patch.doc);
  const titleChanged = title !== undefined && title !== current.title;
  // Compared inside SQLite: a 5 MB document is not copied out just to learn it is unchanged.
  const same =
    d &&
    db
      .prepare<[string, string, string], { doc: 0 | 1; text: 0 | 1 }>(
        'SELECT doc = ? AS doc, text = ? AS text FROM notes WHERE id = ?',
      )
      .get(d.json, d.text, id);
  const docChanged = d !== undefined && same?.doc !== 1;
  if (titleChanged || docChanged) {
    // One UPDATE: triggers on the note (change log, text indexes) fire once per save.
    const set: Record<string, string | number> = { updated_at: nowIso() };
    if (titleChanged) set.title = title;
    if (d && docChanged) {
      set.doc = d.json;
      // Text indexes re-read a note whenever `text` is written: a formatting-only edit leaves it alone.
      if (same?.text !== 1)
        Object.assign(set, { text: d.text, excerpt: d.excerpt, word_count: d.wordCount });
    }
    writeTransaction(db, () => {
      db.prepare(
        `UPDATE notes SET ${Object.keys(set)
          .map((c) => `${c} = @${c}`)
          .join(', ')} WHERE id = @id`,
      ).run({ ...set, id });
      if (d && docChanged) saveDerivedLinks(db, id, d.doc);
    });
  }
  return getNoteSummary(db, id);
}

function setTags(db: Database, noteId: string, names: readonly string[]): void {
  const ids = ensureTags(db, names);
  db.prepare(
    'DELETE FROM note_tags WHERE note_id = ? AND tag_id NOT IN (SELECT value FROM json_each(?))',
  ).run(noteId, JSON.stringify(ids));
  const add = db.prepare(
    'INSERT OR IGNORE INTO note_tags (note_id, tag_id, created_at) VALUES (?, ?, ?)',
  );
  const now = nowIso();
  for (const t of ids) add.run(noteId, t, now);
}

export function setNoteTags(db: Database, id: string, tags: readonly string[]): NoteSummary {
  liveNoteRow(db, id);
  writeTransaction(db, () => {
    setTags(db, id, tags);
    db.prepare('UPDATE notes SET updated_at = ? WHERE id = ?').run(nowIso(), id);
  });
  return getNoteSummary(db, id);
}

/** Soft delete: the note and its links stay until a purge; `restoreNote` undoes it. */
export function deleteNote(db: Database, id: string): NoteSummary {
  const summary = getNoteSummary(db, id);
  const now = nowIso();
  db.prepare('UPDATE notes SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  return summary;
}

export function restoreNote(db: Database, id: string): NoteSummary {
  const r = db
    .prepare(
      'UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL',
    )
    .run(nowIso(), id);
  if (r.changes === 0)
    throw new CommonplaceError(
      'not_found',
      `note ${id}: nothing to undo (not deleted, or not in this library)`,
    );
  return getNoteSummary(db, id);
}

export type NoteSort = 'updated' | 'created' | 'title';
const ORDER: Record<NoteSort, string> = {
  updated: 'n.updated_at DESC, n.id DESC',
  created: 'n.created_at DESC, n.id DESC',
  title: 'n.title COLLATE NOCASE, n.id',
};

export function listNotes(
  db: Database,
  o: { offset: number; limit: number; sort: NoteSort; tag?: string },
): { items: NoteSummary[]; total: number } {
  const where = ['n.deleted_at IS NULL'];
  const params: string[] = [];
  if (o.tag !== undefined) {
    where.push(
      'n.id IN (SELECT nt.note_id FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE t.name_key = ?)',
    );
    params.push(safeTagKey(o.tag));
  }
  const cond = where.join(' AND ');
  const total = db
    .prepare<string[], { n: number }>(`SELECT count(*) AS n FROM notes n WHERE ${cond}`)
    .get(...params)!.n;
  const items = db
    .prepare<[...string[], number, number], NoteRow>(
      `${SELECT_SUMMARY} WHERE ${cond} ORDER BY ${ORDER[o.sort]} LIMIT ? OFFSET ?`,
    )
    .all(...params, o.limit, o.offset)
    .map(toSummary);
  return { items, total };
}

/** The stored document and title of a note, deleted or not (for Markdown and exports). */
export function readNoteDoc(db: Database, id: string): { title: string; doc: JsonDoc } {
  const row = db
    .prepare<[string], { title: string; doc: string }>('SELECT title, doc FROM notes WHERE id = ?')
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `note ${id}: not in this library`);
  return { title: row.title, doc: JSON.parse(row.doc) as JsonDoc };
}
