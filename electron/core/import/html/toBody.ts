/**
 * Sanitised DOM → `Body` blocks.
 *
 * One iterative walk (no recursion, so depth is never a stack problem) with enter/exit events.
 * Text accumulates in an `InlineRun` styled by the enclosing inline elements; block elements
 * flush it into a block whose type comes from the innermost block context (paragraph, quote,
 * heading, caption). Lists are flattened: one `list` block per outermost list, each `li` one
 * item, a nested list's items following their parent's. Tables become one paragraph per row.
 */
import type { Block, Inline } from '../../../model/body';
import type { DocumentImages } from '../images';
import { isCaptionElement } from './captions';
import { InlineRun, PLAIN, hasVisibleText, withHref, withMark, type InlineStyle } from './inlines';
import { safeHref } from './links';

export interface ToBodyOptions {
  /** Base for relative links (the page's source URL); without it relative links lose their href. */
  baseUrl?: string;
  /** The document's kept pictures: their marker elements (sanitize.ts) become image blocks. */
  images?: DocumentImages;
}

type Context =
  | { kind: 'paragraph' }
  | { kind: 'quote' }
  | { kind: 'caption' }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6 }
  | { kind: 'code'; text: string[] }
  | { kind: 'image'; src: string };

interface Frame {
  node: Node;
  style: InlineStyle;
  exit: boolean;
  /** The element opened a context that its exit must close. */
  pushed?: boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'center',
  'details',
  'dialog',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'main',
  'nav',
  'p',
  'section',
  'summary',
  'search',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'hr',
  'legend',
  'body',
  'html',
]);
const LIST_TAGS = new Set(['ul', 'ol', 'menu']);
const BOLD_TAGS = new Set(['b', 'strong']);
const ITALIC_TAGS = new Set(['i', 'em', 'cite', 'dfn', 'var']);
const CODE_TAGS = new Set(['code', 'kbd', 'samp', 'tt']);
/** Never content, should one survive sanitising. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'head',
  'title',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'select',
  'textarea',
  'button',
]);

export function domToBlocks(root: Node, options: ToBodyOptions = {}): Block[] {
  const walker = new BlockWalker(options);
  walker.walk(root);
  return walker.finish();
}

class BlockWalker {
  private readonly blocks: Block[] = [];
  private readonly run = new InlineRun();
  private readonly contexts: Context[] = [{ kind: 'paragraph' }];
  /** Open list elements; while > 0 every block boundary is only a space inside the current item. */
  private listDepth = 0;
  private list: { ordered: boolean; items: Inline[][] } | null = null;

  constructor(private readonly options: ToBodyOptions) {}

  walk(root: Node): void {
    const stack: Frame[] = [];
    const pushChildren = (node: Node, style: InlineStyle): void => {
      for (let child = node.lastChild; child; child = child.previousSibling)
        stack.push({ node: child, style, exit: false });
    };
    pushChildren(root, PLAIN);
    while (stack.length) {
      const frame = stack.pop() as Frame;
      if (frame.exit) {
        this.exit(frame.node as Element, frame.pushed === true);
        continue;
      }
      if (frame.node.nodeType === TEXT_NODE) {
        this.text(frame.node.nodeValue ?? '', frame.style);
        continue;
      }
      if (frame.node.nodeType !== ELEMENT_NODE) continue;
      const el = frame.node as Element;
      const tag = el.localName;
      if (SKIPPED_TAGS.has(tag)) continue;
      const pushed = this.enter(el, tag);
      stack.push({ node: el, style: frame.style, exit: true, pushed });
      pushChildren(el, this.childStyle(el, tag, frame.style));
    }
  }

  finish(): Block[] {
    this.flush();
    this.closeList();
    return this.blocks;
  }

  private get context(): Context {
    return this.contexts[this.contexts.length - 1] as Context;
  }

  private text(value: string, style: InlineStyle): void {
    const context = this.context;
    if (context.kind === 'code') context.text.push(value);
    else this.run.text(value, style);
  }

  private childStyle(el: Element, tag: string, style: InlineStyle): InlineStyle {
    if (BOLD_TAGS.has(tag)) return withMark(style, 'bold');
    if (ITALIC_TAGS.has(tag)) return withMark(style, 'italic');
    if (CODE_TAGS.has(tag)) return withMark(style, 'code');
    if (tag === 'a')
      return withHref(style, safeHref(el.getAttribute('href'), this.options.baseUrl));
    return style;
  }

  /** Returns whether a context was pushed. */
  private enter(el: Element, tag: string): boolean {
    const context = this.context;
    if (context.kind === 'code') {
      if (tag === 'br') context.text.push('\n');
      return false;
    }

    if (this.listDepth > 0) {
      if (LIST_TAGS.has(tag)) {
        this.listDepth++;
        this.endItem();
      } else if (tag === 'li') {
        this.endItem();
      } else if (tag === 'br' || tag === 'td' || tag === 'th' || isBlockish(el, tag)) {
        // `\n` inside an item would read as an item boundary in the canonical text.
        this.run.text(' ');
      }
      return false;
    }

    if (LIST_TAGS.has(tag)) {
      this.flush();
      this.listDepth = 1;
      this.list = { ordered: tag === 'ol', items: [] };
      return false;
    }
    if (tag === 'br') {
      this.run.lineBreak();
      return false;
    }
    if ((tag === 'td' || tag === 'th') && el.previousElementSibling) {
      this.run.text(' | ');
      return false;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      this.flush();
      const level = Number(heading[1]) as 1 | 2 | 3 | 4 | 5 | 6;
      this.contexts.push(context.kind === 'quote' ? { kind: 'quote' } : { kind: 'heading', level });
      return true;
    }
    if (tag === 'blockquote') {
      this.flush();
      this.contexts.push({ kind: 'quote' });
      return true;
    }
    const image = tag === 'figure' ? this.options.images?.markedHash(el) : null;
    if (image) {
      this.flush();
      this.contexts.push({ kind: 'image', src: image });
      return true;
    }
    if (tag === 'figcaption' || tag === 'caption' || isCaptionElement(el)) {
      this.flush();
      this.contexts.push({ kind: 'caption' });
      return true;
    }
    if (tag === 'pre') {
      this.flush();
      this.contexts.push({ kind: 'code', text: [] });
      return true;
    }
    if (tag === 'li' || isBlockish(el, tag)) this.flush();
    return false;
  }

  private exit(el: Element, pushed: boolean): void {
    const tag = el.localName;
    if (this.listDepth > 0 && !pushed) {
      if (LIST_TAGS.has(tag)) {
        this.listDepth--;
        if (this.listDepth === 0) this.closeList();
        else this.endItem();
      } else if (tag === 'li') {
        this.endItem();
      } else if (isBlockish(el, tag)) {
        this.run.text(' ');
      }
      return;
    }
    if (pushed) {
      const context = this.contexts.pop() as Context;
      if (context.kind === 'code') this.emitCode(context.text.join(''));
      else this.flush(context);
      return;
    }
    if (this.context.kind === 'code') return;
    if (tag === 'li' || isBlockish(el, tag)) this.flush();
  }

  /** Turns collected text into a block of the given (default: current) context. */
  private flush(context: Context = this.context): void {
    if (this.listDepth > 0) return;
    const content = this.run.take();
    if (context.kind === 'image') {
      // Its text is its alt text, which may be empty: the picture is the content.
      this.blocks.push({
        type: 'image',
        src: context.src,
        content: hasVisibleText(content) ? content : [],
      });
      return;
    }
    if (!hasVisibleText(content)) return;
    switch (context.kind) {
      case 'heading':
        this.blocks.push({ type: 'heading', level: context.level, content });
        break;
      case 'quote':
        this.blocks.push({ type: 'quote', content });
        break;
      case 'caption':
        this.blocks.push({ type: 'caption', content });
        break;
      default:
        this.blocks.push({ type: 'paragraph', content });
    }
  }

  private endItem(): void {
    const content = this.run.take();
    if (this.list && hasVisibleText(content)) this.list.items.push(content);
  }

  private closeList(): void {
    this.endItem();
    if (this.list && this.list.items.length) {
      this.blocks.push({ type: 'list', ordered: this.list.ordered, items: this.list.items });
    }
    this.list = null;
    this.listDepth = 0;
  }

  private emitCode(raw: string): void {
    // The parser already drops the newline right after <pre>; a trailing one is layout, not content.
    const text = raw.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    if (text.trim()) this.blocks.push({ type: 'code', text });
  }
}

function isBlockish(el: Element, tag: string): boolean {
  return (
    BLOCK_TAGS.has(tag) ||
    /^h[1-6]$/.test(tag) ||
    tag === 'blockquote' ||
    tag === 'pre' ||
    tag === 'figcaption' ||
    tag === 'caption' ||
    LIST_TAGS.has(tag) ||
    tag === 'li' ||
    isCaptionElement(el)
  );
}
