/**
 * Resolves an export selection into an `ExportDocument`: the passages that match every filter
 * given, in order (sources by date — published, else imported — then title; passages by their
 * position in the source), grouped by source or by tag. A preview is the same call with a limit.
 */
import type { Database } from 'better-sqlite3';
import type { ExportOptions, ExportSelection } from '../../model/export';
import { citePassages, publicSources } from '../citations/cited';
import { CommonplaceError } from '../errors';
import { nowIso } from '../ids';
import { toPassage, type PassageRow } from '../passages/repo';
import { search } from '../search';
import { articleTagNames } from '../tags/repo';
import { safeTagKey, tagDisplayName } from '../tags/names';
import { citationFor } from './citation';
import { excerptImages } from './images';
import { passageLinks } from './links';
import type { CitationFn, ExportDocument, ExportGroup, ExportItem, ExportSource } from './types';
import { titleOrUntitled } from '../../model/titles';

/** search() answers at most this many hits per query (its window). */
const SEARCH_WINDOW = 10_000;
const SEARCH_PAGE = 200;
export const UNTAGGED_LABEL = 'Untagged';

export interface SelectOptions {
  /** Build only the first N excerpts (preview); `total` still counts them all. */
  limit?: number;
  citation?: CitationFn;
}

export interface SelectedDocument extends ExportDocument {
  /** Every matching excerpt, whatever the limit. */
  total: number;
}

/** The ids of the matching passages in export order, plus why there are none (if so). */
function matchingPassages(
  db: Database,
  sel: ExportSelection,
): { rows: PassageRow[]; notes: string[]; empty: string | null } {
  // Passages of articles in the trash are not exported (a restore brings them back).
  const where = [
    'p.deleted_at IS NULL',
    'NOT EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = p.article_id AND st.deleted_at IS NOT NULL)',
  ];
  const params: (string | number)[] = [];
  const notes: string[] = [];

  if (sel.tags.length) {
    const ids: string[] = [];
    const missing: string[] = [];
    for (const name of sel.tags) {
      const row = db
        .prepare<[string], { id: string }>('SELECT id FROM tags WHERE name_key = ?')
        .get(safeTagKey(name));
      if (row) ids.push(row.id);
      else missing.push(name);
    }
    const named = missing.map((n) => `"${displayName(n)}"`).join(', ');
    if (missing.length && (sel.tagMode === 'all' || !ids.length)) {
      return { rows: [], notes, empty: `No tag named ${named}: nothing to export.` };
    }
    if (missing.length) notes.push(`No tag named ${named} (left out).`);
    const unique = [...new Set(ids)];
    if (sel.tagMode === 'all') {
      where.push(
        `(SELECT count(DISTINCT pt.tag_id) FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id IN (SELECT value FROM json_each(?))) = ?`,
      );
      params.push(JSON.stringify(unique), unique.length);
    } else {
      where.push(
        'EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id IN (SELECT value FROM json_each(?)))',
      );
      params.push(JSON.stringify(unique));
    }
  }

  if (sel.articleIds.length) {
    const known = new Set(
      db
        .prepare<[string], { id: string }>(
          'SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify(sel.articleIds))
        .map((r) => r.id),
    );
    const missing = sel.articleIds.filter((id) => !known.has(id));
    // An id names one article exactly: a wrong one is a mistake to report, not an empty export.
    if (missing.length)
      throw new CommonplaceError(
        'not_found',
        `article ${missing.join(', ')}: no such article in this library; nothing was exported`,
      );
    const trashed = db
      .prepare<[string], { id: string }>(
        'SELECT article_id AS id FROM article_state WHERE deleted_at IS NOT NULL AND article_id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(sel.articleIds))
      .map((r) => r.id);
    if (trashed.length)
      throw new CommonplaceError(
        'invalid_input',
        `article ${trashed.join(', ')}: is in the trash (restore it to export it); nothing was exported`,
      );
    where.push('p.article_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify([...known]));
  }

  if (sel.from !== undefined || sel.to !== undefined) {
    // Dates compare on their first ten characters: YYYY-MM-DD, whatever precision is stored.
    const column = sel.dateField === 'article' ? 'a.published' : 'p.created_at';
    if (sel.from !== undefined) {
      where.push(`${column} IS NOT NULL AND substr(${column}, 1, 10) >= ?`);
      params.push(sel.from);
    }
    if (sel.to !== undefined) {
      where.push(`${column} IS NOT NULL AND substr(${column}, 1, 10) <= ?`);
      params.push(sel.to);
    }
  }

  if (sel.search !== undefined && sel.search.trim()) {
    const found = searchPassageIds(db, sel.search);
    if (found.total > found.ids.length)
      notes.push(
        `The search matched ${found.total} passages; the first ${found.ids.length} are exported.`,
      );
    if (!found.ids.length)
      return {
        rows: [],
        notes,
        empty: `The search "${sel.search.trim()}" matches no passage: nothing to export.`,
      };
    where.push('p.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(found.ids));
  }

  const rows = db
    .prepare<(string | number)[], PassageRow>(
      `SELECT p.id, p.article_id, p.exact, p.prefix, p.suffix, p.start, p."end", p.orphaned, p.color, p.comment, p.created_at, p.updated_at,
         (SELECT json_group_array(name) FROM (SELECT t.name FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
            WHERE pt.passage_id = p.id ORDER BY t.name_key)) AS tags
       FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE ${where.join(' AND ')}
       ORDER BY coalesce(a.published, a.created_at), a.title COLLATE NOCASE, a.id, p.start, p."end" DESC, p.id`,
    )
    .all(...params);
  return {
    rows,
    notes,
    empty: rows.length ? null : 'No passage matches this selection: nothing to export.',
  };
}

function displayName(raw: string): string {
  try {
    return tagDisplayName(raw);
  } catch {
    return raw.trim();
  }
}

function searchPassageIds(db: Database, query: string): { ids: string[]; total: number } {
  const ids: string[] = [];
  let total = 0;
  for (let offset = 0; offset < SEARCH_WINDOW; offset += SEARCH_PAGE) {
    const r = search(db, query, { kind: 'passage', limit: SEARCH_PAGE, offset });
    total = r.counts.passage;
    for (const h of r.hits) if (h.kind === 'passage') ids.push(h.id);
    if (r.hits.length < SEARCH_PAGE) break;
  }
  return { ids, total: Math.max(total, ids.length) };
}

/** The sources as citations show them (no local paths), with their tags. */
function loadSources(db: Database, ids: readonly string[]): Map<string, ExportSource> {
  const map = new Map<string, ExportSource>();
  for (const [id, source] of publicSources(db, ids))
    map.set(id, { ...source, tags: articleTagNames(db, id) });
  return map;
}

/** A short human description of the selection, for titles and front matter. */
export function describeSelection(sel: ExportSelection): string {
  const parts: string[] = [];
  if (sel.tags.length)
    parts.push(
      `tagged ${sel.tags.map((t) => `“${displayName(t)}”`).join(sel.tagMode === 'all' ? ' and ' : ' or ')}`,
    );
  if (sel.articleIds.length)
    parts.push(`from ${sel.articleIds.length} source${sel.articleIds.length === 1 ? '' : 's'}`);
  if (sel.search?.trim()) parts.push(`matching “${sel.search.trim()}”`);
  const what = sel.dateField === 'article' ? 'published' : 'kept';
  if (sel.from && sel.to) parts.push(`${what} ${sel.from} to ${sel.to}`);
  else if (sel.from) parts.push(`${what} from ${sel.from}`);
  else if (sel.to) parts.push(`${what} until ${sel.to}`);
  return parts.length ? `Excerpts ${parts.join(', ')}` : 'All excerpts';
}

/** How many excerpts an export of `options` holds (what its progress counts to), and its message. */
export function countExport(
  db: Database,
  options: ExportOptions,
): Pick<SelectedDocument, 'total' | 'message'> {
  const { rows, notes, empty } = matchingPassages(db, options.selection);
  return { total: rows.length, message: selectionMessage(empty, notes) };
}

const selectionMessage = (empty: string | null, notes: readonly string[]): string | null =>
  [empty, ...notes].filter((m): m is string => m !== null).join(' ') || null;

export async function selectExport(
  db: Database,
  options: ExportOptions,
  opts: SelectOptions = {},
): Promise<SelectedDocument> {
  const sel = options.selection;
  const { rows, notes, empty } = matchingPassages(db, sel);
  const shown = opts.limit === undefined ? rows : rows.slice(0, opts.limit);
  const passages = shown.map((r) => toPassage(r));
  const sourceIds = [...new Set(passages.map((p) => p.articleId))];
  const sourceMap = loadSources(db, sourceIds);
  const links = passageLinks(
    db,
    passages.map((p) => p.id),
  );
  const sources = sourceIds.map((id) => sourceMap.get(id)!);
  const images = excerptImages(db, passages);
  const styled =
    !opts.citation && options.style
      ? await citePassages(db, options.style, sources, passages)
      : null;
  const cite = opts.citation ?? citationFor(undefined);
  const citations = new Map<string, ReturnType<CitationFn>>();
  const items: ExportItem[] = passages.map((passage, i) => {
    const source = sourceMap.get(passage.articleId)!;
    let citation = styled?.entries.get(source.id) ?? citations.get(source.id);
    if (!citation) citations.set(source.id, (citation = cite(source)));
    const inText = styled?.inText[i] ?? null;
    return {
      passage,
      source,
      citation,
      inText,
      links: links.get(passage.id) ?? [],
      images: images.get(passage.id) ?? [],
    };
  });
  const message = selectionMessage(empty, notes);
  return {
    title: options.title?.trim() || describeSelection(sel),
    generatedAt: nowIso(),
    selection: sel,
    groupBy: options.groupBy,
    groups: options.groupBy === 'tag' ? groupByTag(items, sel) : groupBySource(items),
    items,
    sources,
    references: styled?.references ?? null,
    message,
    total: rows.length,
  };
}

function groupBySource(items: readonly ExportItem[]): ExportGroup[] {
  const groups: ExportGroup[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.source?.id === item.source.id) last.items.push(item);
    else
      groups.push({
        kind: 'source',
        label: titleOrUntitled(item.source.title),
        source: item.source,
        tag: null,
        items: [item],
      });
  }
  return groups;
}

/**
 * One group per tag, in tag-name order, "Untagged" last. A passage appears under each of its
 * tags — only the selected ones when the selection names tags.
 */
function groupByTag(items: readonly ExportItem[], sel: ExportSelection): ExportGroup[] {
  const wanted = sel.tags.length ? new Set(sel.tags.map(safeTagKey)) : null;
  const groups = new Map<string, ExportGroup>();
  const add = (key: string, tag: string | null, item: ExportItem) => {
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { kind: 'tag', label: tag ?? UNTAGGED_LABEL, source: null, tag, items: [] }),
      );
    g.items.push(item);
  };
  for (const item of items) {
    const tags = item.passage.tags.filter((t) => !wanted || wanted.has(safeTagKey(t)));
    if (!tags.length) add('\u0000untagged', null, item);
    for (const t of tags) add(safeTagKey(t), t, item);
  }
  return [...groups.entries()]
    .sort(([a], [b]) =>
      a === '\u0000untagged' ? 1 : b === '\u0000untagged' ? -1 : a.localeCompare(b),
    )
    .map(([, g]) => g);
}
