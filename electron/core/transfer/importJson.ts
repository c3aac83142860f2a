/**
 * `import-json FILE`: restores a full-library JSON document into an empty library, in one
 * transaction: every row is validated (shape and references) and a problem anywhere rolls it all
 * back, naming the row and field. A library that already holds data is refused rather than
 * merged, since ids and timestamps are restored as they were and could collide.
 * The file is streamed: each row is checked and written as it is read, so a restore holds one row
 * in memory at a time (an export of gigabytes of originals would not fit in one JS heap).
 * Its `.csl` styles are checked first, in a read of their rows alone, as adding a style checks
 * one — the probe rendering in the bounded parser thread, since a style's macros can make
 * citeproc run for ever — so the restore's transaction renders nothing on this thread.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { createHash } from 'node:crypto';
import type { CheckedStyle } from '../../model/citationStyles';
import { checkStyleBounded } from '../import/bounded';
import { bodyToText, type Body } from '../../model/body';
import { CommonplaceError, errorMessage, isCommonplaceError } from '../errors';
import { formatMegabytes } from '../import';
import { documentColumns } from './exportJson';
import { readJsonDocument } from './readDocument';
import {
  LibraryFormatSchema,
  LibraryHeaderSchema,
  MAX_TEXT_CHARS,
  REFERENCES,
  TABLE_NAMES,
  TABLES,
  type TableName,
} from './schema';
import { writeTransaction } from '../db/transactions';
import { packBody } from '../articles/bodyStore';
import { encodeOriginal, storeOriginalAgainstText } from '../articles/originalStore';
import { syncedImageType } from '../images/store';

/** "tables.passages[3]" and, when the row has one, its id: where a person finds the row in the file. */
function rowName(table: string, index: number, raw: unknown): string {
  const row = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const key =
    typeof row.id === 'string'
      ? ['id', row.id]
      : typeof row.hash === 'string'
        ? ['hash', row.hash]
        : typeof row.article_id === 'string' && !('tag_id' in row)
          ? ['article', row.article_id]
          : null;
  return `tables.${table}[${index}]${key ? ` (${key[0]} ${String(key[1]).slice(0, 80)})` : ''}`;
}

/** "tables.passages[3] (id …).article_id: refers to …" — the first few problems, each with its path. */
function describeIssues(
  error: z.ZodError,
  file: string,
  row?: { table: string; index: number; raw: unknown },
): string {
  const lines = error.issues.slice(0, 5).map((i) => {
    const at = row ? rowName(row.table, row.index, row.raw) : '';
    const path = i.path.reduce<string>(
      (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
      at,
    );
    return `${path || '(document)'}: ${i.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `${file} is not a Commonplace library export: ${lines.join('; ')}${more}.`;
}

/**
 * Checks a row against rows before it, beyond its own schema: an original's bytes are as many as
 * its size says; an article's text fits its format's limit; a passage's offsets lie within its
 * article's text. Returns the field and what is wrong, or null. `textLengths` keeps one number
 * per article (not its text), so the restore still holds one row at a time.
 */
function crossRowProblem(
  table: TableName,
  row: Record<string, unknown>,
  textLengths: Map<string, number>,
  styles: CheckedStyles,
): [string, string] | null {
  if (table === 'citation_styles') {
    // Held to the checks of adding a style (well-formed CSL, a bundled parent for a dependent
    // one, a probe rendering within its budget), made before the transaction (checkStyles), and
    // the row must say what its file says.
    const checked = styles.get(styleKey(row.file_name, row.xml));
    if (checked === undefined) return ['xml', 'changed while the file was being restored'];
    if (typeof checked === 'string') return ['xml', checked];
    if (checked.cslId !== row.csl_id || checked.title !== row.title)
      return ['title', "does not match the style file's own <id> and <title>"];
    if (checked.parent !== row.parent) return ['parent', "names a parent the style file doesn't"];
  }
  if (table === 'images') {
    const bytes = Buffer.from(row.bytes as string, 'base64');
    if (bytes.byteLength !== row.size)
      return ['size', `is ${String(row.size)}, but bytes hold ${bytes.byteLength}`];
    if (createHash('sha256').update(bytes).digest('hex') !== row.hash)
      return ['hash', 'is not the sha256 of its bytes'];
    if (syncedImageType(bytes) !== row.media_type)
      return ['bytes', `are not a ${String(row.media_type)} picture the reader may show`];
  }
  if (table === 'originals') {
    const bytes = Buffer.from(row.bytes as string, 'base64');
    if (bytes.byteLength !== row.size)
      return ['size', `is ${String(row.size)}, but bytes hold ${bytes.byteLength}`];
  }
  if (table === 'articles') {
    const text = row.text as string;
    const format = row.format as keyof typeof MAX_TEXT_CHARS;
    if (text.length > MAX_TEXT_CHARS[format]) {
      return [
        'text',
        `is ${formatMegabytes(text.length)}, over the ${formatMegabytes(MAX_TEXT_CHARS[format])} limit for a ${format} article`,
      ];
    }
    // The canonical text is derived from the body and nothing else (body.ts): passages, search
    // hits and the reader's offsets all count in it, so a text that isn't the body's misplaces them.
    if (bodyToText(JSON.parse(row.body as string) as Body) !== text)
      return ['text', "is not its body's text (an article's text is derived from its body)"];
    const pages =
      row.pages === null ? [] : (JSON.parse(row.pages as string) as { start: number }[]);
    const page = pages.findIndex((p) => p.start > text.length);
    if (page >= 0)
      return [
        `pages[${page}].start`,
        `is ${pages[page]!.start}, past the end of the article's text (${text.length} characters)`,
      ];
    const contents = !row.contents
      ? []
      : (JSON.parse(row.contents as string) as { start: number }[]);
    const entry = contents.findIndex((c) => c.start > text.length);
    if (entry >= 0)
      return [
        `contents[${entry}].start`,
        `is ${contents[entry]!.start}, past the end of the article's text (${text.length} characters)`,
      ];
    textLengths.set(row.id as string, text.length);
  }
  if (table === 'passages') {
    const length = textLengths.get(row.article_id as string);
    const [start, end] = [row.start as number, row.end as number];
    if (end <= start) return ['end', `is ${end}, not after start (${start})`];
    if (length !== undefined && end > length)
      return ['end', `is ${end}, past the end of its article's text (${length} characters)`];
  }
  return null;
}

/** Each style row's check (by styleKey): what the style is, or why it is refused. */
type CheckedStyles = Map<string, CheckedStyle | string>;

const styleKey = (fileName: unknown, xml: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify([fileName, xml]))
    .digest('hex');

/**
 * Checks the file's `.csl` styles as adding them checks them, each in the bounded parser thread
 * (one at a time; a style over its budget is refused, named, and the thread replaced). Rows the
 * row schema refuses are left to the restore, which names them.
 */
async function checkStyles(file: string): Promise<CheckedStyles> {
  const rows = new Map<string, { fileName: string; xml: string }>();
  readJsonDocument(file, undefined, (table, raw) => {
    if (table !== 'citation_styles') return;
    const row = TABLES.citation_styles.safeParse(raw);
    if (row.success)
      rows.set(styleKey(row.data.file_name, row.data.xml), {
        fileName: row.data.file_name,
        xml: row.data.xml,
      });
  });
  const checked: CheckedStyles = new Map();
  for (const [key, { fileName, xml }] of rows) {
    try {
      checked.set(key, await checkStyleBounded(xml, fileName));
    } catch (e) {
      // A style the checks refuse is the file's problem; a parser thread that can't start is not.
      if (!isCommonplaceError(e) || e.code === 'internal') throw e;
      checked.set(key, errorMessage(e));
    }
  }
  return checked;
}

/** Rows in the tables an import writes (the library must have none). */
function occupied(db: Database): string[] {
  return TABLE_NAMES.filter((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() !== undefined);
}

function refuseUnlessEmpty(db: Database): void {
  const busy = occupied(db);
  if (busy.length) {
    throw new CommonplaceError(
      'invalid_input',
      `The library is not empty (it has ${busy.join(', ')}): import-json restores into an empty library only. Open or create a new library and import there.`,
    );
  }
}

/**
 * Writes rows table by table, in the library's storage form (an original compressed when that
 * pays, an article's body without its text); a row a constraint refuses (a duplicate id, a CHECK) is named.
 */
function rowWriter(db: Database, file: string) {
  const inserts = new Map<TableName, (row: Record<string, unknown>) => void>();
  for (const table of TABLE_NAMES) {
    const cols = documentColumns(table);
    const insert = db.prepare(
      `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    );
    inserts.set(table, (row) => void insert.run(cols.map((c) => row[c])));
  }
  const insertOriginal = db.prepare(
    `INSERT INTO originals (${documentColumns('originals').join(', ')}, encoding) VALUES (@hash, @bytes, @size, @media_type, @file_name, @created_at, @encoding)`,
  );
  inserts.set('originals', (row) => {
    const stored = encodeOriginal(
      Buffer.from(row.bytes as string, 'base64'),
      row.hash as string,
      row.media_type as string,
    );
    insertOriginal.run({ ...row, bytes: stored.data, encoding: stored.encoding });
  });
  const insertImage = inserts.get('images')!;
  inserts.set('images', (row) =>
    insertImage({ ...row, bytes: Buffer.from(row.bytes as string, 'base64') }),
  );
  const insertArticle = inserts.get('articles')!;
  inserts.set('articles', (row) => {
    insertArticle({
      ...row,
      body: packBody(JSON.parse(row.body as string) as Body, row.text as string),
    });
    // Its original came first (articles refer to it): now it can be stored against the text.
    storeOriginalAgainstText(db, row.hash as string);
  });
  return (table: TableName, row: Record<string, unknown>, index: number) => {
    try {
      inserts.get(table)!(row);
    } catch (e) {
      throw new CommonplaceError(
        'invalid_input',
        `${file}: ${rowName(table, index, row)} can't be restored: ${errorMessage(e)}. Nothing was imported.`,
      );
    }
  };
}

const isTableName = (name: string): name is TableName => Object.hasOwn(TABLES, name);

/**
 * Restores the export in `file` (see the module comment): rows are checked and written as they
 * stream in. Tables must come in the export's order (each after those it refers to), as every
 * export writes them; the header is checked when it has been read, and again at the end.
 */
export async function importLibraryJson(
  db: Database,
  file: string,
): Promise<Record<TableName, number>> {
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  refuseUnlessEmpty(db);
  const styles = await checkStyles(file);
  writeTransaction(db, () => {
    refuseUnlessEmpty(db);
    const write = rowWriter(db, file);
    // The keys rows may refer to, per target table and column, filled as those rows are written.
    const keys = new Map<string, Set<unknown>>();
    for (const [, , target, key] of REFERENCES) keys.set(`${target}.${key}`, new Set());
    const textLengths = new Map<string, number>();
    let lastTable = -1;
    const started = new Set<TableName>();
    let formatChecked = false;
    const doc = readJsonDocument(file, undefined, (table, raw, index, header) => {
      if (!formatChecked) {
        // A file that isn't a library export is named as such before its rows are judged.
        const known = LibraryFormatSchema.partial().safeParse(header);
        if (!known.success)
          throw new CommonplaceError('invalid_input', describeIssues(known.error, file));
        formatChecked = true;
      }
      if (!isTableName(table))
        throw new CommonplaceError(
          'invalid_input',
          `${file} is not a Commonplace library export: tables.${table}: is not a table of a library.`,
        );
      const order = TABLE_NAMES.indexOf(table);
      if (order < lastTable) {
        throw new CommonplaceError(
          'invalid_input',
          `${file}: tables.${table} comes after tables.${TABLE_NAMES[lastTable]}; a library export lists its tables in this order: ${TABLE_NAMES.join(', ')}.`,
        );
      }
      lastTable = order;
      started.add(table);
      const parsed = TABLES[table].safeParse(raw);
      if (!parsed.success)
        throw new CommonplaceError(
          'invalid_input',
          describeIssues(parsed.error, file, { table, index, raw }),
        );
      const row = parsed.data as Record<string, unknown>;
      for (const [from, column, target, key] of REFERENCES) {
        const v = row[column];
        if (from !== table || v === null || v === undefined || keys.get(`${target}.${key}`)!.has(v))
          continue;
        // Its table may only come later in a hand-edited file: say what order rows must come in.
        const where = !started.has(target)
          ? ` before it (a library export lists its tables in this order: ${TABLE_NAMES.join(', ')})`
          : '';
        throw new CommonplaceError(
          'invalid_input',
          `${file} is not a Commonplace library export: ${rowName(table, index, raw)}.${column}: refers to ${target} ${key} "${String(v)}", which is not in the file${where}.`,
        );
      }
      const problem = crossRowProblem(table, row, textLengths, styles);
      if (problem)
        throw new CommonplaceError(
          'invalid_input',
          `${file} is not a Commonplace library export: ${rowName(table, index, raw)}.${problem[0]}: ${problem[1]}.`,
        );
      write(table, row, index);
      for (const [, , target, key] of REFERENCES)
        if (target === table) keys.get(`${target}.${key}`)!.add(row[key]);
      counts[table]++;
    });
    const header = LibraryHeaderSchema.safeParse(doc);
    if (!header.success)
      throw new CommonplaceError('invalid_input', describeIssues(header.error, file));
  });
  return counts;
}
