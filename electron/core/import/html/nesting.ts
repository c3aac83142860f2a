/**
 * Caps element nesting in HTML source before jsdom sees it.
 *
 * jsdom notifies every ancestor on each insertion and removal, recursively: parsing 10,000
 * nested `<div>`s takes tens of seconds and removing such a subtree overflows the stack. So the
 * source is scanned once with a small model of the HTML tree builder (void elements, raw-text
 * elements, the common implied end tags) and, only when it nests deeper than the limit, the start
 * and end tags beyond it are dropped — their text stays. Pages within the limit are returned
 * unchanged, so an imperfect model can only affect pathological input.
 */

export const MAX_SOURCE_DEPTH = 256;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is text up to their end tag (jsdom runs without scripting, so not noscript). */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
]);
/** Never counted: the parser merges them into the single html/head/body. */
const ROOTS = new Set(['html', 'head', 'body']);
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'dd',
  'dt',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
]);
/** For a start tag: the open element it implicitly closes, and the elements that bound the search. */
const IMPLIED_CLOSE: Record<string, { closes: string[]; boundary: string[] }> = {
  li: { closes: ['li'], boundary: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], boundary: ['dl'] },
  dd: { closes: ['dt', 'dd'], boundary: ['dl'] },
  option: { closes: ['option'], boundary: ['select', 'datalist', 'optgroup'] },
  optgroup: { closes: ['optgroup', 'option'], boundary: ['select'] },
  tr: { closes: ['tr'], boundary: ['table', 'tbody', 'thead', 'tfoot'] },
  td: { closes: ['td', 'th'], boundary: ['tr', 'table'] },
  th: { closes: ['td', 'th'], boundary: ['tr', 'table'] },
  tbody: { closes: ['tbody', 'thead', 'tfoot'], boundary: ['table'] },
  thead: { closes: ['tbody', 'thead', 'tfoot'], boundary: ['table'] },
  tfoot: { closes: ['tbody', 'thead', 'tfoot'], boundary: ['table'] },
};
const P_SCOPE_BOUNDARY = [
  'button',
  'table',
  'td',
  'th',
  'caption',
  'object',
  'applet',
  'marquee',
  'template',
];

const TAG_START = /<(\/?)([A-Za-z][^\s/>]*)/y;
const rawTextEnds = new Map<string, RegExp>();

/** The open-element stack, with per-name counts so "is one open?" is O(1). */
class OpenElements {
  readonly names: string[] = [];
  private readonly counts = new Map<string, number>();

  get depth(): number {
    return this.names.length;
  }

  isOpen(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  push(name: string): void {
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Pops everything from index `k` up. */
  truncate(k: number): void {
    while (this.names.length > k) {
      const name = this.names.pop() as string;
      this.counts.set(name, (this.counts.get(name) ?? 1) - 1);
    }
  }

  /** Pops up to and including the nearest open element in `targets`, unless a `boundary` comes first. */
  popTo(targets: readonly string[], boundary: readonly string[]): void {
    if (!targets.some((t) => this.isOpen(t))) return;
    for (let k = this.names.length - 1; k >= 0; k--) {
      const open = this.names[k] as string;
      if (targets.includes(open)) {
        this.truncate(k);
        return;
      }
      if (boundary.includes(open)) return;
    }
  }
}

export function capNesting(html: string, maxDepth = MAX_SOURCE_DEPTH): string {
  const stack = new OpenElements();
  const dropped = new Map<string, number>();
  const out: string[] = [];
  let copiedTo = 0;
  let changed = false;
  let i = 0;

  // A dropped tag becomes one space (words either side stay apart); a run of them, one space.
  const drop = (from: number, to: number): void => {
    if (from > copiedTo || !changed) out.push(html.slice(copiedTo, from), ' ');
    copiedTo = to;
    changed = true;
  };

  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    TAG_START.lastIndex = lt;
    const m = TAG_START.exec(html);
    if (!m) {
      i = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const end = tagEnd(html, lt + m[0].length);
    i = end;

    if (closing) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        drop(lt, end);
        continue;
      }
      if (stack.isOpen(name)) stack.truncate(stack.names.lastIndexOf(name));
      continue;
    }

    if (ROOTS.has(name) || VOID.has(name)) continue;
    if (RAW_TEXT.has(name)) {
      i = rawTextEnd(html, name, end);
      continue;
    }
    const foreign =
      stack.isOpen('svg') || stack.isOpen('math') || name === 'svg' || name === 'math';
    if (foreign && html[end - 2] === '/') continue; // self-closing works in SVG/MathML only

    closeImplied(stack, name);
    if (stack.depth >= maxDepth) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      drop(lt, end);
      continue;
    }
    stack.push(name);
  }

  if (!changed) return html;
  out.push(html.slice(copiedTo));
  return out.join('');
}

/** Index just past the `>` that ends a tag, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const c = html[i];
    if (c === '>') return i + 1;
    if (c === '=') {
      i++;
      while (i < html.length && /\s/.test(html[i] ?? '')) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return html.length;
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return html.length;
}

function rawTextEnd(html: string, name: string, from: number): number {
  if (name === 'plaintext') return html.length;
  let re = rawTextEnds.get(name);
  if (!re) {
    re = new RegExp(`</${name}[\\s/>]`, 'gi');
    rawTextEnds.set(name, re);
  }
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? tagEnd(html, m.index + 2 + name.length) : html.length;
}

function closeImplied(stack: OpenElements, name: string): void {
  const rule = IMPLIED_CLOSE[name];
  if (rule) stack.popTo(rule.closes, rule.boundary);
  if (CLOSES_P.has(name)) stack.popTo(['p'], P_SCOPE_BOUNDARY);
}
