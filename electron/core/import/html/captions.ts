/**
 * Photo captions in a site's own markup. Besides `<figcaption>`, sites mark them with a class of
 * their own: MediaWiki's `thumbcaption`, the Korea Herald's `view_con_caption`, `img_caption`,
 * `photo-caption`, a newspaper's `cutline`. Readability keeps only the classes it is told to
 * (`caption` is one), so such an element beside an image gets the `caption` class before it
 * runs, and the body makes it a caption block rather than the paragraph that opens the article.
 */
import type { Block } from '../../../model/body';
import { inlineText } from '../../../model/body';
import { captionKind } from '../text/captions';

export const CAPTION_CLASSES = ['caption', 'wp-caption-text'];

const SITE_CAPTION_CLASS = /caption|cutline/i;
const MEDIA = 'img, picture, video';
/** A caption is a sentence or a few, not a section. */
const MAX_CAPTION_CHARS = 700;
/** How far up the image and its caption may share a container (a figure, a table's rows). */
const MAX_LEVELS = 3;

export function isCaptionElement(el: Element): boolean {
  return CAPTION_CLASSES.some((c) => el.classList.contains(c));
}

/**
 * Each element whose class names a caption and that sits beside an image gets its content
 * wrapped in a `<figcaption class="caption">`: Readability re-tags a text-only div as a `p`
 * and drops its classes, but keeps an element inside it as it is.
 */
export function markSiteCaptions(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    if (isCaptionElement(el) || el.localName === 'figcaption' || el.closest('figcaption')) continue;
    const cls = el.getAttribute('class') ?? '';
    if (!SITE_CAPTION_CLASS.test(cls)) continue;
    const text = (el.textContent ?? '').trim();
    if (!text || text.length > MAX_CAPTION_CHARS || el.querySelector(MEDIA)) continue;
    if (!besideImage(el, text.length)) continue;
    const caption = doc.createElement('figcaption');
    caption.setAttribute('class', 'caption');
    while (el.firstChild) caption.appendChild(el.firstChild);
    el.appendChild(caption);
  }
}

/**
 * The image shares a small container with the caption: nothing but the picture and its caption
 * (the container's text is little more than the caption's), not the article around them.
 */
function besideImage(el: Element, captionChars: number): boolean {
  let node: Element | null = el;
  for (let level = 0; level < MAX_LEVELS && node; level++) {
    const sibling = node.previousElementSibling;
    if (sibling && (sibling.matches(MEDIA) || sibling.querySelector(MEDIA))) return true;
    node = node.parentElement;
    if (!node || (node.textContent ?? '').trim().length > captionChars + 200) return false;
    if (node.querySelector(MEDIA)) return true;
  }
  return false;
}

/**
 * An image in a small container with a site caption (marked above): the caption says what it
 * shows, so its alt text would only repeat it (as with a figure that has a figcaption).
 */
export function hasSiteCaption(img: Element): boolean {
  const isCaption = (el: Element | null): boolean => el !== null && isCaptionElement(el);
  let node: Element | null = img;
  for (let level = 0; level < MAX_LEVELS && node; level++) {
    // Readability unwraps a figure's divs: the caption may end up beside the image's link.
    if (isCaption(node.nextElementSibling) || isCaption(node.previousElementSibling)) return true;
    node = node.parentElement;
    if (!node || (node.textContent ?? '').trim().length > MAX_CAPTION_CHARS + 200) return false;
    if (node.querySelector('.caption, .wp-caption-text')) return true;
  }
  return false;
}

/**
 * A lead paragraph that ends in a photo credit ("… (Pool Photo via AFP)") is the lead photo's
 * caption even when the page marks it as nothing: it becomes a caption block. Only at the start
 * (after the title and other captions): elsewhere a bracketed "(file)" may be prose.
 */
export function leadCreditCaptions(blocks: Block[]): Block[] {
  const out = [...blocks];
  for (let i = 0; i < out.length; i++) {
    const block = out[i] as Block;
    if (block.type === 'caption') continue;
    if (block.type === 'paragraph' && isCredited(inlineText(block.content)))
      out[i] = { type: 'caption', content: block.content };
    break;
  }
  return out;
}

/** A credit names someone: "(they live in the config file)" in lower case is prose. */
function isCredited(text: string): boolean {
  const bracketed = /[([]\s*([^()[\]]{1,120})[)\]]\s*$/u.exec(text);
  if (bracketed && /^\p{Ll}/u.test(bracketed[1] ?? '')) return false;
  return captionKind(text) === 'credit';
}
