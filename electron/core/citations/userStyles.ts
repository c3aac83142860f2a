/**
 * `.csl` styles the user adds to the library (table `citation_styles`, migration 11): checked
 * when added — size, well-formed XML, a CSL `<style>` root, an independent style that citeproc
 * can render, or a dependent one whose parent is bundled — then offered wherever a bundled style
 * is (exports, Copy as citation, the export preview).
 *
 * Every check runs on at most MAX_STYLE_BYTES: the depth scan and jsdom's XML parser are linear
 * in the text (depth is bounded first, as jsdom slows down with nesting), and citeproc builds its
 * engine once from the parsed style.
 */
import type { Database } from 'better-sqlite3';
import { JSDOM, VirtualConsole } from 'jsdom';
import { MAX_STYLE_BYTES, type CitationStyleInfo } from '../../model/citationStyles';
import {
  CITATION_STYLES,
  USER_STYLE_ID,
  type BundledStyle,
  type CitationStyle,
} from '../../model/export';
import { writeTransaction } from '../db/transactions';
import { CommonplaceError, errorMessage } from '../errors';
import { newId, nowIso } from '../ids';
import { parseXml } from '../import/zip/xml';
import type { CslItem } from './item';
import { localeTag } from './locales';
import { citeDocument } from './processor';
import { bundledStyle, bundledStyleById, parseStyle, type CslStyle } from './styles';

const CSL_NS = 'http://purl.org/net/xbiblio/csl';

interface StyleRow {
  id: string;
  csl_id: string;
  title: string;
  file_name: string;
  xml: string;
  parent: BundledStyle | null;
  created_at: string;
}

/** What a style file says about itself, once checked. */
interface CheckedStyle {
  cslId: string;
  title: string;
  /** The bundled style a dependent style names as its parent; null for an independent style. */
  parent: BundledStyle | null;
}

const invalid = (message: string) => new CommonplaceError('invalid_input', message);

/** A fresh, inert window per check: jsdom's XML parser, nothing run, nothing fetched. */
function xmlWindow() {
  return new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
}

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

/** A sample source citeproc renders once with a new style, so a style that can't render is refused when added. */
const PROBE: CslItem = {
  id: 'probe',
  type: 'article-journal',
  title: 'A probe of the style',
  author: [{ family: 'Doe', given: 'Jane' }],
  issued: { 'date-parts': [[2024, 6, 18]] },
  'container-title': 'Journal of Checks',
  page: '3-4',
};

/**
 * Checks a style file's text and says what it is; every failure is one line naming the file.
 * `name` is the file's name as the user knows it.
 */
export function checkStyleFile(name: string, xml: string): CheckedStyle {
  const text = xml.replace(/^\ufeff/, '');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_STYLE_BYTES)
    throw new CommonplaceError(
      'too_large',
      `${name}: a CSL style may be at most ${MAX_STYLE_BYTES / 1024} kB; this one is ${Math.ceil(bytes / 1024).toLocaleString('en-US')} kB.`,
    );
  if (!text.trim()) throw new CommonplaceError('empty_file', `${name}: the file is empty.`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw invalid(`${name}: a CSL style may not declare a DOCTYPE or entities.`);
  let doc: Document;
  try {
    doc = parseXml(xmlWindow(), text, name, 'the style');
  } catch (e) {
    throw invalid(errorMessage(e));
  }
  const root = doc.documentElement;
  if (root.localName !== 'style' || root.namespaceURI !== CSL_NS)
    throw invalid(
      `${name}: not a CSL style (the root element is <${root.localName}>, not a <style> in the CSL namespace).`,
    );
  const info = Array.from(root.children).find((e) => e.localName === 'info');
  const title = info?.getElementsByTagNameNS(CSL_NS, 'title')[0]?.textContent?.trim();
  const id = info?.getElementsByTagNameNS(CSL_NS, 'id')[0]?.textContent?.trim();
  if (!title || !id) throw invalid(`${name}: the style's <info> needs a <title> and an <id>.`);
  if (title.length > 300)
    throw invalid(`${name}: the style's title is longer than 300 characters.`);
  if (id.length > 500) throw invalid(`${name}: the style's <id> is longer than 500 characters.`);
  const hasCitation = Array.from(root.children).some((e) => e.localName === 'citation');
  const parentLink = Array.from(info!.getElementsByTagNameNS(CSL_NS, 'link')).find(
    (l) => l.getAttribute('rel') === 'independent-parent',
  );
  if (!hasCitation && parentLink) {
    const href = parentLink.getAttribute('href') ?? '';
    const parent = bundledStyleById(href);
    if (!parent)
      throw invalid(
        `${name}: a dependent style of ${href || 'an unnamed style'}, which is not bundled (the bundled styles are APA 7, Chicago and MLA 9); add that style's own .csl file instead.`,
      );
    return { cslId: id, title, parent };
  }
  // An independent style: the structural checks citations rely on, then one real rendering.
  const style = parseStyle(text, name);
  try {
    const doc = citeDocument(style, [PROBE], [{ id: PROBE.id, locator: '3' }]);
    if (!doc.inText[0]?.text && !doc.references[0]?.text)
      throw new Error('it renders nothing for a journal article');
  } catch (e) {
    throw invalid(`${name}: the style can't be used by the CSL processor (${errorMessage(e)}).`);
  }
  return { cslId: id, title, parent: null };
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
  if (!row.parent) return parseStyle(row.xml, row.file_name);
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

/** Adds a `.csl` file's style; the same style (by its `<id>`) twice is refused. */
export function addCitationStyle(db: Database, fileName: string, xml: string): CitationStyleInfo {
  const name = fileName.trim() || 'style.csl';
  const checked = checkStyleFile(name, xml);
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
