/**
 * The CSL styles citations are built with: the official APA 7, Chicago (author-date and
 * notes-bibliography) and MLA 9 styles bundled from the CSL project (CC BY-SA 3.0; the Chicago
 * ones locally modified to print the guide's forms, see styles/README.md), and any `.csl` file
 * a user brings, checked before citeproc sees it.
 */
import { MAX_STYLE_BYTES } from '../../model/citationStyles';
import type { BundledStyle } from '../../model/export';
import { CommonplaceError } from '../errors';
import { STYLE_FILES } from './styles/files.generated';

const apa = STYLE_FILES['apa.csl']!;
const chicagoAuthorDate = STYLE_FILES['chicago-author-date.csl']!;
const chicagoNote = STYLE_FILES['chicago-note-bibliography.csl']!;
const mla = STYLE_FILES['modern-language-association.csl']!;

export interface CslStyle {
  /** The style's own title ("American Psychological Association 7th edition"). */
  title: string;
  xml: string;
  /** The locale the style asks for (`default-locale`), en-US when it names none. */
  locale: string;
  /** `note` styles cite in footnotes; `in-text` ones in parentheses. */
  kind: 'in-text' | 'note';
  /** The heading of its reference list: "References", "Bibliography", "Works Cited". */
  referencesHeading: string;
  /**
   * Whether its names are shortened to initials (most of its <name> elements say so, as in APA,
   * whose only exceptions are letters' recipients): then a hyphenated given name written in
   * lower case after the hyphen ("Da-gyum") is given to citeproc capitalised, so it initialises
   * as "D.-G." as APA asks (citeproc keeps "-gyum" whole, reading it as a particle).
   */
  initialsOnly: boolean;
  /**
   * How it cites a web page whose site is its owner (an organisation that is both its author and
   * its site, "Yale University"): `author` lists it under the organisation and leaves the
   * repeated site name out (APA 7; CMOS author-date), `site` begins with the title and names the
   * organisation as the site (MLA 9, Handbook p. 119; the CMOS notes style, whose bibliography
   * then lists it under the site and whose short note gives the title alone).
   */
  ownerSite: 'author' | 'site';
  /**
   * A user's own (independent) style: the file it was added from. Its citations are rendered in
   * the bounded parser thread (render.ts); the bundled styles are ours and render in process.
   */
  userFile?: string;
}

export { MAX_STYLE_BYTES };

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1]! : null;
}

/**
 * Checks a style's text: size, an XML `<style>` root in the CSL namespace with a class, and a
 * citation and bibliography layout. `name` (a file name) opens every message.
 * Checks are linear scans over a bounded string, so a hostile file can't stall them.
 */
export function parseStyle(
  xml: string,
  name: string,
  heading?: string,
  ownerSite: CslStyle['ownerSite'] = 'author',
): CslStyle {
  const bytes = new TextEncoder().encode(xml).length;
  if (bytes > MAX_STYLE_BYTES)
    throw new CommonplaceError(
      'invalid_input',
      `${name}: a CSL style may be at most ${MAX_STYLE_BYTES / 1024} kB; this one is ${Math.ceil(bytes / 1024).toLocaleString('en-US')} kB.`,
    );
  const root = /<style\b[^>]*>/.exec(xml);
  if (!root || !/xmlns\s*=\s*"http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(root[0]))
    throw new CommonplaceError(
      'invalid_input',
      `${name}: not a CSL style (no <style> element in the CSL namespace).`,
    );
  const kind = attr(root[0], 'class');
  if (kind !== 'in-text' && kind !== 'note')
    throw new CommonplaceError(
      'invalid_input',
      `${name}: the <style> element needs class="in-text" or class="note".`,
    );
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new CommonplaceError(
      'invalid_input',
      `${name}: a CSL style may not declare a DOCTYPE or entities.`,
    );
  if (!/<citation\b[\s\S]*?<layout\b/.test(xml))
    throw new CommonplaceError('invalid_input', `${name}: the style has no <citation> layout.`);
  if (!/<bibliography\b[\s\S]*?<layout\b/.test(xml))
    throw new CommonplaceError('invalid_input', `${name}: the style has no <bibliography> layout.`);
  // Anchored at the end: one linear scan however many "<style" the text holds.
  if (!/<\/style>\s*$/.test(xml))
    throw new CommonplaceError('invalid_input', `${name}: the <style> element is not closed.`);
  const title = /<title>([^<]{1,300})<\/title>/.exec(xml)?.[1]?.trim() ?? name;
  const names = xml.match(/<name\b[^>]*>/g) ?? [];
  return {
    title,
    xml,
    locale: attr(root[0], 'default-locale') ?? 'en-US',
    kind,
    referencesHeading: heading ?? (kind === 'note' ? 'Bibliography' : 'References'),
    initialsOnly:
      names.filter((n) => attr(n, 'initialize-with') !== null).length * 2 > names.length,
    ownerSite,
  };
}

const bundled: Record<BundledStyle, () => CslStyle> = {
  apa: () => parseStyle(apa, 'apa.csl', 'References'),
  chicago: () => parseStyle(chicagoAuthorDate, 'chicago-author-date.csl', 'References'),
  'chicago-note': () =>
    parseStyle(chicagoNote, 'chicago-note-bibliography.csl', 'Bibliography', 'site'),
  mla: () => parseStyle(mla, 'modern-language-association.csl', 'Works Cited', 'site'),
};
const cache = new Map<BundledStyle, CslStyle>();

/** One of the bundled styles. */
export function bundledStyle(style: BundledStyle): CslStyle {
  let s = cache.get(style);
  if (!s) cache.set(style, (s = bundled[style]()));
  return s;
}

/** The style's own `<id>` (a URI such as http://www.zotero.org/styles/apa), if it has one. */
export function cslId(xml: string): string | null {
  return /<id>\s*([^<\s]{1,500})\s*<\/id>/.exec(xml)?.[1] ?? null;
}

/** The official style a bundled one is a local modification of (its `<link rel="template">`). */
function templateId(xml: string): string | null {
  return /<link href="([^"]{1,500})" rel="template"\/>/.exec(xml)?.[1] ?? null;
}

/**
 * The bundled style whose CSL `<id>` is `id`, if any. As a dependent style's parent
 * (`asParent`), a bundled style also answers for the official style it modifies: a journal's
 * style built on the CSL project's Chicago uses our Chicago, while the official file itself can
 * still be added as a style of its own.
 */
export function bundledStyleById(id: string, asParent = false): BundledStyle | null {
  const norm = (u: string) => u.replace(/^https:/, 'http:').replace(/\/$/, '');
  for (const key of Object.keys(bundled) as BundledStyle[]) {
    const xml = bundledStyle(key).xml;
    if (norm(cslId(xml) ?? '') === norm(id)) return key;
    if (asParent && norm(templateId(xml) ?? '') === norm(id)) return key;
  }
  return null;
}
