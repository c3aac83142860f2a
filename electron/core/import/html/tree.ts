/**
 * A page's DOM, fast: parse5 (the HTML parser jsdom uses, so the tree is the same, node for node)
 * builds a linkedom document, which Readability and our own walks query many times faster than
 * jsdom's. linkedom is made to behave like jsdom wherever our code or Readability can tell
 * (checked by equivalence.test.ts against the jsdom pipeline's stored results):
 *  - element names: `createElement` lowercases (HTML documents do), and SVG/MathML elements keep
 *    their case in `tagName`/`nodeName` ("svg", "foreignObject"), an SVG `className` is not a string;
 *  - `document.title`, `baseURI` and `documentURI` follow the DOM standard;
 *  - `innerHTML` serialises and parses with parse5, as jsdom does, not with linkedom's parser;
 *  - a `<template>`'s content stays out of the tree (jsdom keeps it in a separate fragment).
 * Inert: nothing here runs scripts or fetches anything.
 */
import { parseHTML } from 'linkedom';
import { defaultTreeAdapter, parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type AstNode = DefaultTreeAdapterMap['node'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** jsdom parses with scripting disabled: `<noscript>` content is markup, not text. */
const PARSE_OPTIONS = { scriptingEnabled: false } as const;

export interface PageTree {
  document: Document;
  /** Elements in `document` as built (linkedom's `getElementsByTagName` has no `*`). */
  elements: number;
  /** Another copy of the page as parsed, for when `document` has been changed. */
  fresh(): Document;
}

/** Parses a whole page. `url` (already normalised) serves only as the base for relative links. */
export function parsePage(html: string, url?: string): PageTree {
  const ast = parse(html, PARSE_OPTIONS);
  const build = (): { document: Document; elements: number } => {
    const document = emptyDocument(url);
    let elements = 0;
    for (const child of ast.childNodes)
      if (child.nodeName !== '#documentType' && child.nodeName !== '#comment')
        elements += importAst(document, child, document as unknown as Node);
    return { document, elements };
  };
  return { ...build(), fresh: () => build().document };
}

/**
 * The elements below `root` with one of these names, in tree order: what
 * `root.querySelectorAll('a,b')` returns (type selectors match HTML elements whatever their case,
 * others by their exact name), without a selector engine.
 */
export function elementsNamed(root: Node, names: readonly string[]): Element[] {
  const html = new Set(names.map(asciiLowerCase));
  const foreign = new Set(names);
  const found: Element[] = [];
  const { next: NEXT, end: END } = links(root);
  const stop = (root as unknown as Linked)[END];
  for (let node = (root as unknown as Linked)[NEXT]; node && node !== stop; node = node[NEXT]) {
    if (node.nodeType !== 1) continue;
    const el = node as unknown as Element;
    if (el.namespaceURI === HTML_NS ? html.has(el.localName) : foreign.has(el.localName))
      found.push(el);
  }
  return found;
}

/**
 * linkedom keeps a tree as one linked list in document order — each element's start, its
 * attributes, its content, then an end marker — behind two symbol-keyed links. Walking that list
 * visits every node once without the getters' sibling searches; our hot walks use it.
 */
interface Linked {
  nodeType: number;
  [link: symbol]: Linked | undefined;
}

let linkSymbols: { next: symbol; end: symbol } | null = null;

function links(node: Node): { next: symbol; end: symbol } {
  if (linkSymbols) return linkSymbols;
  const symbols = Object.getOwnPropertySymbols(node);
  const next = symbols.find((s) => s.description === 'next');
  const end = symbols.find((s) => s.description === 'end');
  if (!next || !end) throw new Error('linkedom: its node links are not where this code expects');
  linkSymbols = { next, end };
  return linkSymbols;
}

function emptyDocument(url: string | undefined): Document {
  const { document } = parseHTML('<html></html>') as unknown as { document: Document };
  document.documentElement?.remove();
  patchDocument(document, url ?? 'about:blank');
  return document;
}

/** Appends a parse5 subtree under `parent`, iteratively (pages may nest deeply); counts elements. */
function importAst(doc: Document, node: AstNode, parent: Node): number {
  let elements = 0;
  const stack: Array<[AstNode, Node]> = [[node, parent]];
  while (stack.length) {
    const [ast, into] = stack.pop() as [AstNode, Node];
    let created: Node;
    if (ast.nodeName === '#text') created = doc.createTextNode((ast as { value: string }).value);
    else if (ast.nodeName === '#comment')
      created = doc.createComment((ast as { data: string }).data);
    else if ('tagName' in ast) {
      const el = createElement(
        doc,
        ast.tagName,
        ast.namespaceURI,
        ast.attrs.map((a) => ({
          name: a.prefix ? `${a.prefix}:${a.name}` : a.name,
          value: a.value,
        })),
      );
      created = el;
      elements++;
      // A template's children live in its `content` fragment in parse5 as in jsdom: not in the tree.
      for (let i = ast.childNodes.length - 1; i >= 0; i--)
        stack.push([ast.childNodes[i] as AstNode, el]);
    } else continue;
    into.appendChild(created);
  }
  return elements;
}

function createElement(
  doc: Document,
  localName: string,
  namespace: string,
  attrs: ArrayLike<{ name: string; value: string }>,
): Element {
  const el =
    namespace === HTML_NS
      ? doc.createElement(localName)
      : doc.createElementNS(namespace, localName);
  // linkedom puts a new attribute first: set them last to first to keep the page's order.
  for (let i = attrs.length - 1; i >= 0; i--) {
    const attr = attrs[i] as { name: string; value: string };
    el.setAttribute(attr.name, attr.value);
  }
  if (namespace === HTML_NS) return el;
  // jsdom: an element outside the HTML namespace keeps its case; an SVG element's className is
  // an SVGAnimatedString (Readability tells them apart by `typeof className`).
  Object.defineProperty(el, 'tagName', { value: localName });
  Object.defineProperty(el, 'nodeName', { value: localName });
  if (namespace === SVG_NS)
    Object.defineProperty(el, 'className', {
      get: () => new SvgAnimatedString(el.getAttribute('class') ?? ''),
    });
  return el;
}

class SvgAnimatedString {
  constructor(readonly baseVal: string) {}
  get [Symbol.toStringTag](): string {
    return 'SVGAnimatedString';
  }
}

function patchDocument(doc: Document, url: string): void {
  const create = doc.createElement.bind(doc);
  Object.defineProperties(doc, {
    createElement: { value: (name: string) => create(asciiLowerCase(name)) },
    documentURI: { value: url },
    URL: { value: url },
    baseURI: { value: url },
    title: { get: () => documentTitle(doc), set: () => undefined },
  });
  patchInnerHtml(doc);
}

/** The DOM standard's `document.title` for an HTML document. */
function documentTitle(doc: Document): string {
  const title = doc.getElementsByTagName('title')[0];
  let value = '';
  if (title)
    for (let child = title.firstChild; child; child = child.nextSibling)
      if (child.nodeType === 3) value += child.nodeValue ?? '';
  return value.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
}

function asciiLowerCase(s: string): string {
  return s.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

let innerHtmlPatched = false;

/**
 * `innerHTML` on linkedom's elements, serialised and parsed by parse5 as jsdom does (Readability
 * reads and restores a page's body this way). linkedom is used only here, so its prototype is
 * patched once for all its documents.
 */
function patchInnerHtml(doc: Document): void {
  if (innerHtmlPatched) return;
  let proto: object | null = Object.getPrototypeOf(doc.createElement('div'));
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'innerHTML'))
    proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('linkedom: no innerHTML accessor to replace');
  Object.defineProperty(proto, 'innerHTML', {
    configurable: true,
    get(this: Element): string {
      return serializeChildren(this);
    },
    set(this: Element, html: string) {
      const context = defaultTreeAdapter.createElement(
        this.localName,
        (this.namespaceURI ?? HTML_NS) as DefaultTreeAdapterMap['element']['namespaceURI'],
        [],
      );
      const fragment = parseFragment(context, String(html), PARSE_OPTIONS);
      while (this.lastChild) this.removeChild(this.lastChild);
      if (this.localName === 'template') return;
      const doc = this.ownerDocument;
      for (const child of fragment.childNodes) importAst(doc, child, this);
    },
  });
  innerHtmlPatched = true;
}

const VOID_ELEMENTS = new Set([
  ...['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img'],
  ...['input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
]);
/** Elements whose text parse5 writes unescaped (with scripting disabled, as jsdom parses). */
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const escapeText = (s: string): string =>
  /[&<>\u00a0]/.test(s) ? s.replace(/[&<>\u00a0]/g, (c) => ESCAPES[c] as string) : s;
const escapeAttribute = (s: string): string =>
  /["&<>\u00a0]/.test(s) ? s.replace(/["&<>\u00a0]/g, (c) => ESCAPES[c] as string) : s;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\u00a0': '&nbsp;',
};

interface Open {
  tag: string;
  html: boolean;
}

/**
 * `el.innerHTML` exactly as parse5's serializer writes it for jsdom (void elements, raw-text
 * parents, attribute and text escaping), in one pass over linkedom's list.
 */
function serializeChildren(el: Element): string {
  const isHtml = (el.namespaceURI ?? HTML_NS) === HTML_NS;
  if (isHtml && VOID_ELEMENTS.has(el.localName)) return '';
  const { next: NEXT, end: END } = links(el);
  const stop = (el as unknown as Linked)[END];
  const open: Open[] = [{ tag: el.localName, html: isHtml }];
  let html = '';
  let inStartTag = false;
  let skipVoidContent = 0;
  for (let node = (el as unknown as Linked)[NEXT]; node && node !== stop; node = node[NEXT]) {
    const type = node.nodeType;
    if (type === 2) {
      // The element's own attributes come first in the list: only a start tag being written takes them.
      if (inStartTag) {
        const attr = node as unknown as Attr;
        html += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
      }
      continue;
    }
    if (inStartTag) {
      html += '>';
      inStartTag = false;
    }
    if (skipVoidContent) {
      // A void element's children (the parser never makes any) are not written.
      if (type === 1) skipVoidContent++;
      else if (type !== 1 && type !== 3 && type !== 8) skipVoidContent--;
      continue;
    }
    if (type === 1) {
      const child = node as unknown as Element;
      const childHtml = (child.namespaceURI ?? HTML_NS) === HTML_NS;
      html += `<${child.localName}`;
      inStartTag = true;
      if (childHtml && VOID_ELEMENTS.has(child.localName)) skipVoidContent = 1;
      else open.push({ tag: child.localName, html: childHtml });
    } else if (type === 3) {
      const parent = open[open.length - 1] as Open;
      const text = (node as unknown as Text).data;
      html += parent.html && RAW_TEXT.has(parent.tag) ? text : escapeText(text);
    } else if (type === 8) {
      html += `<!--${(node as unknown as Comment).data}-->`;
    } else {
      html += `</${(open.pop() as Open).tag}>`;
    }
  }
  if (inStartTag) html += '>';
  return html;
}
