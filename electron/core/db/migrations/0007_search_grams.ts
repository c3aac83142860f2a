import type { Database } from 'better-sqlite3';
import { GRAMS_FUNCTION, HAS_UNSPACED_FUNCTION } from '../../search/grams';
import type { Migration } from '../migrate';

/**
 * Search at scale, beside the indexes of migrations 3 and 5:
 *
 * - `articles_grams`, `passages_grams`, `notes_grams`: the unspaced-script text (Chinese,
 *   Japanese, Korean, Thai… — see `search/scripts.ts`) of each row as its distinct 1- and
 *   2-character grams (see `search/grams.ts`), same columns as the kind's other indexes. A 1–2
 *   character query is one term here; through the trigram index it was the OR of every trigram it
 *   starts (200–500 ms for a common character at 100,000 articles). Contentless (the grams are
 *   derived, never shown) with `contentless_delete` so a row can be removed by its rowid alone;
 *   `ascii` tokenizer: the grams are non-ASCII tokens separated by spaces. A gram is listed once
 *   per column, so bm25 weighs where a term occurs (title above body), not how often — half the
 *   size of an index of every occurrence (25 vs 52 MB for 5,000 CJK articles of 8 KB).
 * - `*_fts_vocab`: the word indexes' vocabularies, to turn a prefix query into the OR of its
 *   words (FTS5 evaluates `econom*` by merging the doclists of every such word up front, at every
 *   use; an OR of words is read lazily and stops after the rows a query needs).
 *
 * The grams are made by SQL functions registered on every connection (`registerSearchFunctions`,
 * called by `openDatabase`). The triggers below are separate from those of migrations 3 and 5
 * and do not depend on the order triggers fire in: a passage's grams follow its
 * `passage_search_ids` row (created and deleted by migration 3's triggers), the rest follow the
 * same tables and columns as the other indexes.
 */

/** SQL: the gram string of the text `expr`. */
export const G = (expr: string) => `${GRAMS_FUNCTION}(${expr})`;
const HAS = (expr: string) => `${HAS_UNSPACED_FUNCTION}(${expr})`;

export const ARTICLE_COLUMNS = ['title', 'subtitle', 'byline', 'site_name', 'text'] as const;
/** SQL: the article row `row` (`new`, `old`, an alias) holds unspaced-script text. */
export const articleHas = (row: string) =>
  `(${ARTICLE_COLUMNS.map((c) => HAS(`${row}.${c}`)).join(' OR ')})`;
/** SQL: the gram strings of the article row `row`, one per column. */
export const articleGrams = (row: string) =>
  ARTICLE_COLUMNS.map((c) => G(`${row}.${c}`)).join(', ');

const PASSAGE_TAG_NAMES = `coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')`;
const NOTE_TAG_NAMES = `coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')`;

/** Inserts the gram rows of the live passages selected by `which` (an SQL condition on `p`). */
export function insertPassageGramsSql(which: string): string {
  return `INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, ${G('p.exact')}, ${G('p.comment')}, ${G(PASSAGE_TAG_NAMES)}
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (${which}) AND p.deleted_at IS NULL AND (${HAS('p.exact')} OR ${HAS('p.comment')} OR ${HAS(PASSAGE_TAG_NAMES)});`;
}

/** Re-derives the gram rows of the passages selected by `which`. */
function refreshPassageGramsSql(which: string): string {
  return `
    DELETE FROM passages_grams WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE ${which});
    ${insertPassageGramsSql(which)}`;
}

/** Inserts the gram rows of the live notes selected by `which` (an SQL condition on `n`). */
export function insertNoteGramsSql(which: string): string {
  return `INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, ${G('n.title')}, ${G('n.text')}, ${G(NOTE_TAG_NAMES)} FROM notes n
    WHERE (${which}) AND n.deleted_at IS NULL AND (${HAS('n.title')} OR ${HAS('n.text')} OR ${HAS(NOTE_TAG_NAMES)});`;
}

function refreshNoteGramsSql(which: string): string {
  return `
    DELETE FROM notes_grams WHERE rowid IN (SELECT n.rid FROM notes n WHERE ${which});
    ${insertNoteGramsSql(which)}`;
}

export function createGramsSchema(db: Database): void {
  const gramTable = (name: string, columns: readonly string[]) =>
    `CREATE VIRTUAL TABLE ${name} USING fts5(${columns.join(', ')}, content = '', contentless_delete = 1, tokenize = 'ascii');`;
  db.exec(`
    ${gramTable('articles_grams', ARTICLE_COLUMNS)}
    ${gramTable('passages_grams', ['exact', 'comment', 'tags'])}
    ${gramTable('notes_grams', ['title', 'text', 'tags'])}
    CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
    CREATE VIRTUAL TABLE passages_fts_vocab USING fts5vocab(passages_fts, 'row');
    CREATE VIRTUAL TABLE notes_fts_vocab USING fts5vocab(notes_fts, 'row');

    CREATE TRIGGER articles_grams_ai AFTER INSERT ON articles WHEN ${articleHas('new')} BEGIN
      INSERT INTO articles_grams (rowid, ${ARTICLE_COLUMNS.join(', ')}) VALUES (new.rid, ${articleGrams('new')});
    END;
    CREATE TRIGGER articles_grams_ad AFTER DELETE ON articles WHEN ${articleHas('old')} BEGIN
      DELETE FROM articles_grams WHERE rowid = old.rid;
    END;
    CREATE TRIGGER articles_grams_au AFTER UPDATE OF ${ARTICLE_COLUMNS.join(', ')} ON articles BEGIN
      DELETE FROM articles_grams WHERE rowid = old.rid AND ${articleHas('old')};
      INSERT INTO articles_grams (rowid, ${ARTICLE_COLUMNS.join(', ')}) SELECT new.rid, ${articleGrams('new')} WHERE ${articleHas('new')};
    END;

    -- A passage enters the indexes with its search id (migration 3's insert trigger) and leaves with it.
    CREATE TRIGGER passage_search_ids_grams_ai AFTER INSERT ON passage_search_ids BEGIN
      ${refreshPassageGramsSql('p.id = new.passage_id')}
    END;
    CREATE TRIGGER passage_search_ids_grams_ad AFTER DELETE ON passage_search_ids BEGIN
      DELETE FROM passages_grams WHERE rowid = old.rid;
    END;
    CREATE TRIGGER passages_grams_au AFTER UPDATE OF exact, comment, deleted_at ON passages BEGIN
      ${refreshPassageGramsSql('p.id = new.id')}
    END;
    CREATE TRIGGER passage_tags_grams_ai AFTER INSERT ON passage_tags BEGIN
      ${refreshPassageGramsSql('p.id = new.passage_id')}
    END;
    CREATE TRIGGER passage_tags_grams_ad AFTER DELETE ON passage_tags BEGIN
      ${refreshPassageGramsSql('p.id = old.passage_id')}
    END;
    CREATE TRIGGER tags_passages_grams_au AFTER UPDATE OF name ON tags BEGIN
      ${refreshPassageGramsSql('p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id)')}
    END;

    CREATE TRIGGER notes_grams_ai AFTER INSERT ON notes BEGIN
      ${insertNoteGramsSql('n.rid = new.rid')}
    END;
    CREATE TRIGGER notes_grams_au AFTER UPDATE OF title, text, deleted_at ON notes BEGIN
      ${refreshNoteGramsSql('n.rid = new.rid')}
    END;
    CREATE TRIGGER notes_grams_ad AFTER DELETE ON notes BEGIN
      DELETE FROM notes_grams WHERE rowid = old.rid;
    END;
    -- Tag deletes reach note_tags by ON DELETE CASCADE, which fires these triggers too.
    CREATE TRIGGER note_tags_grams_ai AFTER INSERT ON note_tags BEGIN
      ${refreshNoteGramsSql('n.id = new.note_id')}
    END;
    CREATE TRIGGER note_tags_grams_ad AFTER DELETE ON note_tags BEGIN
      ${refreshNoteGramsSql('n.id = old.note_id')}
    END;
    CREATE TRIGGER tags_notes_grams_au AFTER UPDATE OF name ON tags BEGIN
      ${refreshNoteGramsSql('n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id)')}
    END;
  `);
}

/**
 * Fills the gram indexes from the rows in the library (also the repair rebuild). Reads every
 * article's text once: ~4 s for 100,000 articles of 8 KB, plus ~7 s of indexing for the 5,000
 * that hold CJK text.
 */
export function backfillGrams(db: Database): void {
  db.exec(`
    INSERT INTO articles_grams (articles_grams) VALUES ('delete-all');
    DELETE FROM passages_grams; -- DELETE, not 'delete-all': migration 9 makes these two ordinary tables
    DELETE FROM notes_grams;
    INSERT INTO articles_grams (rowid, ${ARTICLE_COLUMNS.join(', ')}) SELECT a.rid, ${articleGrams('a')} FROM articles a WHERE ${articleHas('a')};
    ${insertPassageGramsSql('1')}
    ${insertNoteGramsSql('1')}
  `);
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

export const searchGrams: Migration = {
  version: 7,
  name: 'search grams',
  up(db) {
    createGramsSchema(db);
    backfillGrams(db);
    db.exec(`INSERT INTO articles_grams (articles_grams) VALUES ('optimize')`);
  },
};
