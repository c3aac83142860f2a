/**
 * `.csl` styles the user adds to the library (table `citation_styles`, migration 11): checked
 * when added — size, well-formed XML, a CSL `<style>` root, an independent style that citeproc
 * can render, or a dependent one whose parent is bundled — then offered wherever a bundled style
 * is (exports, Copy as citation, the export preview).
 *
 * The checks (styleFile.ts) run in the bounded parser thread: a style whose rendering runs long
 * is refused, named, within the parse time budget.
 */
import type { Database } from 'better-sqlite3';
import type { CitationStyleInfo } from '../../model/citationStyles';
import {
  CITATION_STYLES,
  USER_STYLE_ID,
  type BundledStyle,
  type CitationStyle,
} from '../../model/export';
import { writeTransaction } from '../db/transactions';
import { CommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { checkStyleBounded } from '../import/bounded';
import { localeTag } from './locales';
import { bundledStyle, bundledStyleById, parseStyle, type CslStyle } from './styles';

interface StyleRow {
  id: string;
  csl_id: string;
  title: string;
  file_name: string;
  xml: string;
  parent: BundledStyle | null;
  created_at: string;
}

const invalid = (message: string) => new CommonplaceError('invalid_input', message);

/** The locale a style's citations use, and why it isn't the one the style asks for. */
export function styleLocale(asked: string): { locale: string; note: string | null } {
  const locale = localeTag(asked);
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  if (primary(locale) === primary(asked)) return { locale, note: null };
  return {
    locale,
    note: `The style's locale ${asked} is not bundled; its citations use ${locale}.`,
  };
}

function styleInfo(row: StyleRow): CitationStyleInfo {
  const style = rowStyle(row);
  const asked = /<style\b[^>]*\sdefault-locale\s*=\s*"([^"]*)"/.exec(row.xml)?.[1];
  const { note } = styleLocale(asked ?? style.locale);
  return {
    id: `user:${row.id}`,
    title: row.title,
    kind: style.kind,
    locale: localeTag(style.locale),
    localeNote: note,
    builtIn: false,
    fileName: row.file_name,
    addedAt: row.created_at,
  };
}

/** A stored style as citeproc takes it: a dependent style is its parent under its own title and locale. */
function rowStyle(row: StyleRow): CslStyle {
  if (!row.parent) return { ...parseStyle(row.xml, row.file_name), userFile: row.file_name };
  const parent = bundledStyle(row.parent);
  const locale = /<style\b[^>]*\sdefault-locale\s*=\s*"([^"]*)"/.exec(row.xml)?.[1];
  return { ...parent, title: row.title, locale: locale ?? parent.locale };
}

const SELECT = 'SELECT id, csl_id, title, file_name, xml, parent, created_at FROM citation_styles';

/** Every style the library offers: the bundled ones first, then the added ones by title. */
export function listCitationStyles(db: Database): CitationStyleInfo[] {
  const bundled = CITATION_STYLES.map((key): CitationStyleInfo => {
    const s = bundledStyle(key);
    return {
      id: key,
      title: s.title,
      kind: s.kind,
      locale: s.locale,
      localeNote: null,
      builtIn: true,
      fileName: null,
      addedAt: null,
    };
  });
  const added = db
    .prepare<[], StyleRow>(`${SELECT} ORDER BY title COLLATE NOCASE, id`)
    .all()
    .map(styleInfo);
  return [...bundled, ...added];
}

/**
 * Adds a `.csl` file's style, checked in the bounded parser thread; the same style (by its
 * `<id>`) twice is refused.
 */
export async function addCitationStyle(
  db: Database,
  fileName: string,
  xml: string,
): Promise<CitationStyleInfo> {
  const name = fileName.trim() || 'style.csl';
  const checked = await checkStyleBounded(xml, name);
  const bundledTwin = bundledStyleById(checked.cslId);
  if (bundledTwin && !checked.parent)
    throw invalid(`${name}: “${checked.title}” is bundled already (${bundledTwin}).`);
  return writeTransaction(db, () => {
    const twin = db.prepare<[string], StyleRow>(`${SELECT} WHERE csl_id = ?`).get(checked.cslId);
    if (twin)
      throw invalid(
        `${name}: “${twin.title}” is already in the library (user:${twin.id}, added from ${twin.file_name}).`,
      );
    const row: StyleRow = {
      id: newId(),
      csl_id: checked.cslId,
      title: checked.title,
      file_name: name.slice(0, 300),
      xml: xml.replace(/^\ufeff/, ''),
      parent: checked.parent,
      created_at: nowIso(),
    };
    db.prepare(
      'INSERT INTO citation_styles (id, csl_id, title, file_name, xml, parent, created_at) VALUES (@id, @csl_id, @title, @file_name, @xml, @parent, @created_at)',
    ).run(row);
    return styleInfo(row);
  });
}

function userRow(db: Database, style: string): StyleRow {
  const row = USER_STYLE_ID.test(style)
    ? db.prepare<[string], StyleRow>(`${SELECT} WHERE id = ?`).get(style.slice('user:'.length))
    : undefined;
  if (!row)
    throw new CommonplaceError(
      'not_found',
      `No citation style ${style} in this library (was it removed?).`,
    );
  return row;
}

/** Removes an added style; exports already written keep their citations. */
export function removeCitationStyle(db: Database, style: string): CitationStyleInfo {
  return writeTransaction(db, () => {
    const row = userRow(db, style);
    db.prepare('DELETE FROM citation_styles WHERE id = ?').run(row.id);
    return styleInfo(row);
  });
}

/** The style to cite with: a bundled one by name, an added one from the library. */
export function resolveStyle(db: Database, style: CitationStyle): CslStyle {
  if ((CITATION_STYLES as readonly string[]).includes(style))
    return bundledStyle(style as BundledStyle);
  const row = userRow(db, style);
  const s = rowStyle(row);
  return { ...s, locale: styleLocale(s.locale).locale };
}
