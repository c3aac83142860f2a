/**
 * Sanitising extracted article HTML before it is converted into a `Body`.
 *
 * The `Body` itself can only hold text, three marks and vetted link targets, so this is the
 * first of two walls: DOMPurify, with an allow-list of structural and inline tags and only `href`
 * and `class` attributes, removes everything active (script, style, frames, plugins, forms, SVG,
 * MathML, event handlers, inline styles, dangerous URLs) and everything that would load a remote
 * resource. Images are replaced beforehand: one the document holds (`DocumentImages`: a data:
 * URL, a file inside an EPUB or DOCX) by a marker the block walker makes an image block of, any
 * other (remote: never fetched) by its alt text, so what it said is not lost.
 */
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import type { DOMWindow } from 'jsdom';
import { ALLOWED_TAGS, HEADINGS } from '../../../model/htmlTags';
import type { DocumentImages } from '../images';
import { hasSiteCaption } from './captions';
import { ALLOWED_URI, DROPPED_WITH_CONTENT, purifyInPlace } from './purify';

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'class'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** Sanitises `root` (an allowed element such as the `div` Readability returns) in place. */
export function sanitizeInPlace(window: DOMWindow, root: Element, images?: DocumentImages): void {
  dropReadingAids(root);
  replaceImages(root, images);
  const purify = createDOMPurify(window as unknown as WindowLike);
  purify.sanitize(root, { ...CONFIG, IN_PLACE: true });
}

/**
 * The same for a tree of any DOM (an imported page's linkedom tree), with DOMPurify's walk
 * ported to it (purify.ts): DOMPurify itself needs a jsdom window.
 */
export function sanitizeTree(root: Element, images?: DocumentImages): void {
  dropReadingAids(root);
  replaceImages(root, images);
  purifyInPlace(root);
}

/**
 * Text that annotates other text rather than being read in line: ruby readings (furigana in
 * `<rt>`, with their `<rp>` parentheses) and MathML's encodings of a formula (`<annotation>`:
 * TeX source such as `{\displaystyle x^{2}}`) beside its presented form.
 */
function dropReadingAids(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('rt, rp, rtc, annotation, annotation-xml')))
    el.remove();
}

/**
 * An alt text that is only a file name ("IMG_2034.JPG", "hero-photo.webp") says nothing, nor does
 * one with its path or URL: Sphinx writes an image's URI as its alt ("../_images/tk_msg.png").
 */
const FILE_NAME_ALT =
  /^(?:(?:[a-z][a-z\d+.-]*:\/\/[^\s/]+)?[\w ./~%+-]*\/)?(?:[\w ()+~,.-]*\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)|(?:img|dsc|dscn|dscf|pxl|photo|image)[_-]?\d[\w-]*)$/i;
/** A formula's fallback image carries its TeX source as alt text. */
const TEX_ALT = /^\{\s*\\(?:displaystyle|textstyle|scriptstyle)\b/;

function meaningfulAlt(img: Element): string {
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
  if (FILE_NAME_ALT.test(alt)) return '';
  if (TEX_ALT.test(alt)) {
    // Beside a MathML rendering of the same formula (Wikipedia's markup) the image is a spare.
    const math = img.parentElement?.querySelector('math');
    if (math || /math-fallback/.test(img.getAttribute('class') ?? '')) return '';
    return alt.replace(TEX_ALT, '').replace(/\}$/, '').trim();
  }
  return alt;
}

/**
 * A picture standing alone in its block that the document holds → a marker element (its class
 * names the kept picture; its text is the alt text, left out when a caption says it already).
 * Any other `<img>` → its alt text: a caption (`figcaption`) when the image stood alone in its
 * block, inline text when it sat inside running text (emoji, icons). An image inside a figure
 * that has its own caption (a figcaption, or the site's caption class) is simply dropped.
 */
function replaceImages(root: Element, images?: DocumentImages): void {
  const doc = root.ownerDocument;
  for (const img of Array.from(root.querySelectorAll('img, input[type="image" i], area'))) {
    const alt = meaningfulAlt(img);
    const figure = img.closest('figure');
    const captioned = (figure && figure.querySelector('figcaption')) || hasSiteCaption(img);
    const block = nearestBlock(img);
    const standsAlone = !block || ownText(block).trim() === '';
    // A kept picture also stands alone between blocks of text (a bare <img> in an article, or in
    // a link), with no running text of its own line beside it.
    const keepable = standsAlone || (img.localName === 'img' && aloneInItsRun(img));
    const hash = images && keepable && img.localName === 'img' ? images.keep(img) : null;
    if (images && hash) {
      const marker = doc.createElement('figure');
      marker.setAttribute('class', images.srcFor(hash));
      if (!captioned) marker.textContent = alt;
      img.replaceWith(marker);
      continue;
    }
    if (!alt || captioned) {
      img.remove();
      continue;
    }
    if (standsAlone) {
      const caption = doc.createElement('figcaption');
      caption.textContent = alt;
      img.replaceWith(caption);
    } else {
      img.replaceWith(doc.createTextNode(alt));
    }
  }
}

const BLOCKS = new Set([
  ...HEADINGS,
  'p',
  'div',
  'li',
  'td',
  'th',
  'figure',
  'blockquote',
  'section',
  'article',
  'dd',
  'dt',
  'caption',
]);

/** A block's text, a figure's without its caption (which is not running text around the image). */
function ownText(block: Element): string {
  if (block.localName !== 'figure') return block.textContent ?? '';
  let text = '';
  for (const child of Array.from(block.childNodes))
    if ((child as Element).localName !== 'figcaption') text += child.textContent ?? '';
  return text;
}

/**
 * True when no text runs beside `el` in its line: from `el` up to its nearest block, every
 * sibling before and after it, up to a block element on each side, is blank.
 */
function aloneInItsRun(el: Element): boolean {
  for (let node: Element | null = el; node && !BLOCKS.has(node.localName);) {
    for (const dir of ['previousSibling', 'nextSibling'] as const) {
      for (let sib = node[dir]; sib; sib = sib[dir]) {
        if (sib.nodeType === 1 && BLOCKS.has((sib as Element).localName)) break;
        if ((sib.textContent ?? '').trim() !== '') return false;
      }
    }
    const parent: Element | null = node.parentElement;
    if (!parent || BLOCKS.has(parent.localName)) break;
    node = parent;
  }
  return true;
}

function nearestBlock(el: Element): Element | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (BLOCKS.has(node.localName)) return node;
  }
  return null;
}
