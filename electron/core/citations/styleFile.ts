/**
 * The checks a `.csl` file passes before it is kept: size, well-formed XML, a CSL `<style>` root,
 * an independent style that citeproc can render, or a dependent one whose parent is bundled.
 * Every failure is one line naming the file.
 *
 * Every check runs on at most MAX_STYLE_BYTES: the depth scan and jsdom's XML parser are linear
 * in the text. Rendering is not: a style's macros can call each other so that citeproc's work
 * doubles with each level (a 2 kB style took 80 s at 18 levels), so adding a style runs this
 * check in the bounded parser thread (`checkStyleBounded`), never on a thread that serves.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { MAX_STYLE_BYTES, type CheckedStyle } from '../../model/citationStyles';
import { CommonplaceError, errorMessage } from '../errors';
import { parseXml } from '../import/zip/xml';
import type { CslItem } from './item';
import { citeDocument } from './processor';
import { bundledStyleById, parseStyle } from './styles';

const CSL_NS = 'http://purl.org/net/xbiblio/csl';

const invalid = (message: string) => new CommonplaceError('invalid_input', message);

/** A fresh, inert window per check: jsdom's XML parser, nothing run, nothing fetched. */
function xmlWindow() {
  return new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
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
    const parent = bundledStyleById(href, true);
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
