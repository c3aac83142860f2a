/**
 * DOMPurify's in-place sanitising (3.5.0) for our configuration — the allow-list in
 * model/htmlTags.ts, only `href` and `class` attributes, `KEEP_CONTENT`, the elements dropped with
 * their content — as one walk over any DOM (linkedom's here; DOMPurify itself needs jsdom's).
 * Each step is the library's, in its order, so the result is the same tree; the steps its
 * options leave inert for us (hooks, custom elements, trusted types, templates' shadow content,
 * form clobbering, which jsdom never exposes) are left out. `purify.test.ts` compares the two
 * on hostile markup.
 */
import { ALLOWED_TAGS } from '../../../model/htmlTags';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** Elements removed with their content (DOMPurify's default list plus ours). */
export const DROPPED_WITH_CONTENT = [
  'object',
  'embed',
  'applet',
  'canvas',
  'map',
  'frameset',
  'frame',
  'noframes',
  'noscript',
  'select',
  'option',
  'datalist',
  'textarea',
  'button',
  'input',
  'picture',
  'source',
  'track',
  'template',
];
const FORBID_CONTENTS = new Set([
  ...['annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math'],
  ...['mi', 'mn', 'mo', 'ms', 'mtext', 'noembed', 'noframes', 'noscript', 'plaintext', 'script'],
  ...['selectedcontent', 'style', 'svg', 'template', 'thead', 'title', 'video', 'xmp'],
  ...DROPPED_WITH_CONTENT,
]);
const ALLOWED = new Set([...ALLOWED_TAGS, '#text']);
const ALLOWED_ATTR = new Set(['href', 'class']);
/** Of the allowed attributes, the one whose value is never a URL. */
const URI_SAFE_ATTR = new Set(['class']);
/** Relative references survive for now (resolved or dropped later); of the schemes only these. */
export const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const VOID = new Set([
  ...['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img'],
  ...['input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
]);
const LITERAL_TEXT = new Set([
  ...['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript'],
]);
const ESCAPABLE_TEXT = new Set(['textarea', 'title']);
/** Allowed tags that are also SVG tag names ('a' is common to both). */
const ALLOWED_SVG_TAGS = new Set(['a']);
const COMMON_SVG_AND_HTML = new Set(['title', 'style', 'font', 'a', 'script']);
const MATHML_TEXT_INTEGRATION_POINTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);
const HTML_INTEGRATION_POINTS = new Set(['annotation-xml']);

const ATTR_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
const ATTR_VALUE_BREAKOUT =
  /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;

/** Markup in text, serialised content or a comment: what DOMPurify's probes look for. */
const ELEMENT_MARKUP = /<[/\w!]/;
const COMMENT_MARKUP = /<[/\w]/;

/** Sanitises `root` (an allowed element, e.g. a `div`) and its subtree in place. */
export function purifyInPlace(root: Element): void {
  if (!ALLOWED.has(root.nodeName.toLowerCase()))
    throw new TypeError('root node is forbidden and cannot be sanitized in-place');
  removeMarkupComments(root);
  let node: Node | null = root;
  while (node) {
    const firstChild: Node | null = node.firstChild;
    const after = nextOutside(node, root);
    const outcome = sanitizeNode(node);
    node = outcome === 'removed' ? after : (firstChild ?? after);
  }
}

/** DOMPurify's first pass: comments holding markup go before anything else is looked at. */
function removeMarkupComments(root: Element): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 8 && COMMENT_MARKUP.test((node as Comment).data)) {
      node.parentNode?.removeChild(node);
      continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
}

/** The next node in tree order after `node`'s subtree, within `root`. */
function nextOutside(node: Node, root: Node): Node | null {
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

type Outcome = 'kept' | 'removed' | 'unwrapped';

function sanitizeNode(node: Node): Outcome {
  const outcome = sanitizeElement(node);
  if (outcome === 'kept' && node.nodeType === 1) sanitizeAttributes(node as Element);
  return outcome;
}

function sanitizeElement(node: Node): Outcome {
  const tagName = node.nodeName.toLowerCase();
  const type = node.nodeType;
  if (type === 1) {
    const el = node as Element;
    if (
      el.hasChildNodes() &&
      !el.firstElementChild &&
      ELEMENT_MARKUP.test(el.textContent ?? '') &&
      ELEMENT_MARKUP.test(el.innerHTML)
    )
      return remove(node);
    if (isMalformed(el, tagName)) return remove(node);
  } else if (type === 7) return remove(node);
  // A comment never has content to keep; DOMPurify's unsafe-comment test removes it just the same.
  if (!ALLOWED.has(tagName)) {
    const parent = node.parentNode;
    if (FORBID_CONTENTS.has(tagName) || !parent) return remove(node);
    const next = node.nextSibling;
    while (node.firstChild) parent.insertBefore(node.firstChild, next);
    remove(node);
    return 'unwrapped';
  }
  if (type === 1 && !validNamespace(node as Element, tagName)) return remove(node);
  return 'kept';
}

function remove(node: Node): 'removed' {
  node.parentNode?.removeChild(node);
  return 'removed';
}

/** An element in a state the HTML parser never produces (DOMPurify's `_isMalformedElement`). */
function isMalformed(el: Element, tagName: string): boolean {
  const isVoid = VOID.has(tagName);
  const literal = LITERAL_TEXT.has(tagName);
  if (!isVoid && !literal && !ESCAPABLE_TEXT.has(tagName)) return false;
  if ((el.namespaceURI ?? HTML_NS) !== HTML_NS) return false;
  if (isVoid) return el.hasChildNodes();
  if (el.firstElementChild) return true;
  return literal && ELEMENT_MARKUP.test(el.textContent ?? '');
}

/** Would a spec-compliant parser put this (allowed) element where it is? */
function validNamespace(el: Element, tagName: string): boolean {
  const ns = el.namespaceURI ?? HTML_NS;
  const parent = el.parentNode;
  let parentNs = HTML_NS;
  let parentTag = 'template';
  if (parent && parent.nodeType === 1) {
    parentNs = (parent as Element).namespaceURI ?? HTML_NS;
    parentTag = parent.nodeName.toLowerCase();
  }
  if (ns === SVG_NS) {
    if (parentNs === HTML_NS || parentNs === MATHML_NS) return tagName === 'svg';
    return ALLOWED_SVG_TAGS.has(tagName);
  }
  if (ns === MATHML_NS) return false; // no allowed tag is a MathML element
  if (ns !== HTML_NS) return false;
  if (parentNs === SVG_NS && !HTML_INTEGRATION_POINTS.has(parentTag)) return false;
  if (parentNs === MATHML_NS && !MATHML_TEXT_INTEGRATION_POINTS.has(parentTag)) return false;
  return COMMON_SVG_AND_HTML.has(tagName) || !ALLOWED_SVG_TAGS.has(tagName);
}

function sanitizeAttributes(el: Element): void {
  const tag = el.nodeName.toLowerCase();
  const attributes = Array.from(el.attributes);
  for (let i = attributes.length - 1; i >= 0; i--) {
    const { name, value: initial } = attributes[i] as Attr;
    const lcName = name.toLowerCase();
    const value = name === 'value' ? initial : initial.trim();
    if (ATTR_VALUE_BREAKOUT.test(value) || !validAttribute(tag, lcName, value))
      el.removeAttribute(name);
    else if (value !== initial) el.setAttribute(name, value);
  }
}

function validAttribute(tag: string, lcName: string, value: string): boolean {
  if (lcName === 'patchsrc' || (lcName === 'for' && tag !== 'label' && tag !== 'output'))
    return false;
  if (!ALLOWED_ATTR.has(lcName)) return false;
  if (URI_SAFE_ATTR.has(lcName)) return true;
  if (ALLOWED_URI.test(value.replace(ATTR_WHITESPACE, ''))) return true;
  return !value;
}
