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
import {
  defaultTreeAdapter,
  parse,
  parseFragment,
  serialize,
  type DefaultTreeAdapterMap,
  type TreeAdapter,
} from 'parse5';

type AstNode = DefaultTreeAdapterMap['node'];
type AstParent = DefaultTreeAdapterMap['parentNode'];

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
  let el = (root as ParentNode).firstElementChild ?? null;
  while (el) {
    const name = el.localName;
    if (el.namespaceURI === HTML_NS ? html.has(name) : foreign.has(name)) found.push(el);
    el = nextElement(el, root);
  }
  return found;
}

/** The element after `el` in tree order, within `root`. */
function nextElement(el: Element, root: Node): Element | null {
  const child = el.firstElementChild;
  if (child) return child;
  for (let at: Element = el; at !== root; at = at.parentNode as Element) {
    const sibling = at.nextElementSibling;
    if (sibling) return sibling;
    if (!at.parentNode || at.parentNode === root) return null;
  }
  return null;
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
  for (let i = 0; i < attrs.length; i++) {
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
      return serialize(this as unknown as AstParent, SERIALIZE_OPTIONS);
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

const NO_CHILDREN: Node[] = [];
const TEMPLATE_CONTENT = { childNodes: NO_CHILDREN };

/** parse5's serializer reading linkedom nodes (only the calls the serializer makes). */
const linkedomAdapter = {
  getChildNodes: (node: Node | typeof TEMPLATE_CONTENT) =>
    node === TEMPLATE_CONTENT ? NO_CHILDREN : Array.from((node as Node).childNodes),
  getTemplateContent: () => TEMPLATE_CONTENT,
  isElementNode: (node: Node) => node.nodeType === 1,
  getTagName: (el: Element) => el.localName,
  getNamespaceURI: (el: Element) => el.namespaceURI ?? HTML_NS,
  getAttrList: (el: Element) =>
    Array.from(el.attributes, (a) => ({ name: a.name, value: a.value })),
  isTextNode: (node: Node) => node.nodeType === 3,
  getTextNodeContent: (node: Node) => node.nodeValue ?? '',
  getParentNode: (node: Node) => node.parentNode,
  isCommentNode: (node: Node) => node.nodeType === 8,
  getCommentNodeContent: (node: Node) => node.nodeValue ?? '',
  isDocumentTypeNode: (node: Node) => node.nodeType === 10,
  getDocumentTypeNodeName: (node: DocumentType) => node.name,
} as unknown as TreeAdapter<DefaultTreeAdapterMap>;

const SERIALIZE_OPTIONS = { treeAdapter: linkedomAdapter, scriptingEnabled: false };
