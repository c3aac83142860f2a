/**
 * Readability's `_isProbablyVisible`, with the inline style read as jsdom reads it: linkedom's
 * `style` parses declarations its own way, and whether a block counts as hidden decides what
 * Readability keeps. The few distinct `style` attributes of a page are parsed by one shared,
 * blank jsdom element (no page is loaded into it) and remembered.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_REMEMBERED = 5_000;

interface InlineStyle {
  display: string;
  visibility: string;
}

let probe: HTMLElement | null = null;
const remembered = new Map<string, InlineStyle>();

const NO_STYLE: InlineStyle = { display: '', visibility: '' };
/** A declaration can only set either property if its name is there (or hidden in an escape). */
const MAY_HIDE = /display|visibility|\\/i;

function inlineStyle(value: string): InlineStyle {
  if (!MAY_HIDE.test(value)) return NO_STYLE;
  let style = remembered.get(value);
  if (style) return style;
  probe ??= new JSDOM('', { virtualConsole: new VirtualConsole() }).window.document.createElement(
    'div',
  );
  probe.setAttribute('style', value);
  style = { display: probe.style.display, visibility: probe.style.visibility };
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(value, style);
  return style;
}

export function isProbablyVisible(node: Element): boolean {
  const ns = node.namespaceURI ?? HTML_NS;
  // jsdom gives HTML and SVG elements a `style`, MathML elements none.
  const styleValue = ns === HTML_NS || ns === SVG_NS ? node.getAttribute('style') : null;
  const style = styleValue === null ? null : inlineStyle(styleValue);
  const className = ns === SVG_NS ? '' : (node.getAttribute('class') ?? '');
  return (
    (!style || style.display != 'none') &&
    (!style || style.visibility != 'hidden') &&
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') ||
      node.getAttribute('aria-hidden') != 'true' ||
      className.includes('fallback-image'))
  );
}
