/**
 * Today's search index definitions, in one place: the SQL that derives each index's rows from
 * the tables, used by the repair rebuild and the consistency check (`rebuild.ts`). The schema
 * itself (tables, triggers, views) is made by the migrations, which keep the SQL they ran; these
 * builders must produce the same rows as those triggers, which `consistency.test.ts` and
 * `db/schema.test.ts` check on real libraries. An index change is a new migration plus a change
 * here.
 *
 * Rows hold unspaced-script text (Chinese, Japanese, Korean, Thai… see `scripts.ts`) when
 * `HAS_UNSPACED_FUNCTION` says so: migration 8 put that function where migrations 3 and 5 had a
 * GLOB over the same ranges.
 */
import { GRAMS_FUNCTION, HAS_UNSPACED_FUNCTION } from './grams';

/**
 * The article columns every article index holds, in index order: the text first, where FTS5
 * stores positions without a column number (migration 15).
 */
export const ARTICLE_COLUMNS = ['text', 'title', 'subtitle', 'byline', 'site_name'] as const;

/** Two spaces after each column of a trigram index, so a 1–2 character term at its end starts a trigram. */
const PAD = "'  '";
/** SQL: the text `expr` holds unspaced-script characters. */
const HAS = (expr: string) => `${HAS_UNSPACED_FUNCTION}(${expr})`;
/** SQL: the gram string of the text `expr`. */
const G = (expr: string) => `${GRAMS_FUNCTION}(${expr})`;

const PASSAGE_TAG_NAMES = `coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')`;
const NOTE_TAG_NAMES = `coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')`;

const articleHas = (row: string) =>
  `(${ARTICLE_COLUMNS.map((c) => HAS(`${row}.${c}`)).join(' OR ')})`;

/** The rows the passage indexes should hold: live passages with their tag names. */
export const EXPECTED_PASSAGE_ROWS = `SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, ${PASSAGE_TAG_NAMES} AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE p.deleted_at IS NULL`;

/** The rows the note indexes should hold: live notes with their tag names. */
export const EXPECTED_NOTE_ROWS = `SELECT n.rid AS rid, n.title AS title, n.text AS text, ${NOTE_TAG_NAMES} AS tags FROM notes n WHERE n.deleted_at IS NULL`;

/**
 * A trigram index's rows for `rows` (columns rid + three text columns, named `columns`): padded,
 * and only those holding unspaced-script text.
 */
export function cjkRows(rows: string, columns: readonly [string, string, string]): string {
  return `SELECT rid, ${columns.map((c) => `${c} || ${PAD} AS ${c}`).join(', ')} FROM (${rows})
    WHERE ${columns.map((c) => HAS(c)).join(' OR ')}`;
}

/**
 * The rows the gram indexes should hold (they keep no text to compare): live rows with
 * unspaced-script text, as { rid, c0, c1, … } with each column's source text in index order.
 */
export const GRAM_SOURCES: Readonly<
  Record<'articles_grams' | 'passages_grams' | 'notes_grams', string>
> = {
  articles_grams: `SELECT a.rid, ${ARTICLE_COLUMNS.map((c, i) => `a.${c} AS c${i}`).join(', ')} FROM articles a WHERE ${articleHas('a')}`,
  passages_grams: `SELECT rid, c0, c1, c2 FROM (SELECT s.rid, p.exact AS c0, p.comment AS c1, ${PASSAGE_TAG_NAMES} AS c2
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE p.deleted_at IS NULL)
    WHERE ${HAS('c0')} OR ${HAS('c1')} OR ${HAS('c2')}`,
  notes_grams: `SELECT rid, c0, c1, c2 FROM (SELECT n.rid, n.title AS c0, n.text AS c1, ${NOTE_TAG_NAMES} AS c2 FROM notes n WHERE n.deleted_at IS NULL)
    WHERE ${HAS('c0')} OR ${HAS('c1')} OR ${HAS('c2')}`,
};

const PASSAGE_COLUMNS = ['exact', 'comment', 'tags'] as const;
const NOTE_COLUMNS = ['title', 'text', 'tags'] as const;

/** The column each `c<i>` of `GRAM_SOURCES` is, by index. */
export const GRAM_COLUMNS: Readonly<Record<keyof typeof GRAM_SOURCES, readonly string[]>> = {
  articles_grams: ARTICLE_COLUMNS,
  passages_grams: PASSAGE_COLUMNS,
  notes_grams: NOTE_COLUMNS,
};

/**
 * Every index refilled from the tables (run inside one transaction): the articles' external
 * content indexes by FTS5's 'rebuild', the rest emptied and filled from their expected rows.
 * Passages get a search id first, as migration 3's insert trigger gives them one.
 */
export const REFILL_SEARCH_INDEXES = `
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    INSERT INTO articles_cjk (articles_cjk) VALUES ('rebuild');
    INSERT INTO articles_grams (articles_grams) VALUES ('rebuild');
    DELETE FROM passages_fts;
    DELETE FROM passages_cjk;
    DELETE FROM passage_search_ids WHERE passage_id NOT IN (SELECT id FROM passages);
    INSERT OR IGNORE INTO passage_search_ids (passage_id) SELECT id FROM passages ORDER BY id;
    DELETE FROM passages_grams; -- after the ids: a new search id's trigger writes its grams
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (${EXPECTED_PASSAGE_ROWS});
    INSERT INTO passages_cjk (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (${cjkRows(EXPECTED_PASSAGE_ROWS, PASSAGE_COLUMNS)});
    INSERT INTO passages_grams (rowid, exact, comment, tags) SELECT rid, ${PASSAGE_COLUMNS.map((_, i) => G(`c${i}`)).join(', ')} FROM (${GRAM_SOURCES.passages_grams});
    DELETE FROM notes_fts;
    DELETE FROM notes_cjk;
    DELETE FROM notes_grams;
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (${EXPECTED_NOTE_ROWS});
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (${cjkRows(EXPECTED_NOTE_ROWS, NOTE_COLUMNS)});
    INSERT INTO notes_grams (rowid, title, text, tags) SELECT rid, ${NOTE_COLUMNS.map((_, i) => G(`c${i}`)).join(', ')} FROM (${GRAM_SOURCES.notes_grams});`;
