/**
 * marked tokens → `Body` blocks, with the same rules as the HTML importer: whitespace collapsed
 * like a browser, links kept only when absolute http(s)/mailto, images reduced to their alt text
 * (a caption when the image is alone in its paragraph), lists flattened, tables one paragraph per
 * row. Raw HTML never passes through as markup: HTML blocks go through the HTML sanitiser and
 * converter; inline tags are interpreted (b/i/em/strong/code/a/br/img) or dropped, and the
 * content of script-like elements is dropped with them.
 */
import type { Token, Tokens } from 'marked';
import { blockText, type Block, type Inline } from '../../../model/body';
import { loadHtml } from '../html/dom';
import {
  InlineRun,
  PLAIN,
  hasVisibleText,
  withHref,
  withMark,
  type InlineStyle,
} from '../html/inlines';
import { safeHref } from '../html/links';
import { capNesting } from '../html/nesting';
import { sanitizeInPlace } from '../html/sanitize';
import { domToBlocks } from '../html/toBody';
import { decodeEntities } from './entities';

/** Past this nesting (blockquotes in blockquotes…) content is kept as plain text. */
export const MAX_TOKEN_DEPTH = 64;

type BlockKind = 'paragraph' | 'quote';

export function tokensToBlocks(tokens: readonly Token[], fileName: string): Block[] {
  const converter = new MarkdownConverter(fileName);
  try {
    converter.blocks(tokens, 'paragraph', 0);
    return converter.out;
  } finally {
    converter.close();
  }
}

/** Element content dropped along with inline raw-HTML tags of these names. */
const SKIP_CONTENT_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'textarea',
  'title',
  'noscript',
  'svg',
  'math',
  'template',
  'object',
  'select',
  'button',
  'xmp',
  'noembed',
  'noframes',
]);

/** State of inline raw HTML across the tokens of one paragraph. */
interface HtmlInlineState {
  bold: number;
  italic: number;
  code: number;
  href: string | undefined;
  skipUntil: string | null;
  /** Whether images stand as their alt text (false in a heading: see `block`). */
  images: boolean;
}

class MarkdownConverter {
  readonly out: Block[] = [];
  private htmlDom: ReturnType<typeof loadHtml> | null = null;

  constructor(private readonly fileName: string) {}

  blocks(tokens: readonly Token[], kind: BlockKind, depth: number): void {
    for (const token of tokens) this.block(token, kind, depth);
  }

  private block(token: Token, kind: BlockKind, depth: number): void {
    if (depth > MAX_TOKEN_DEPTH) {
      this.pushText(kind, token.raw);
      return;
    }
    switch (token.type) {
      case 'heading': {
        const t = token as Tokens.Heading;
        // A heading's images are badges and logos (`# name [![npm version](…)](…)`): their alt
        // text is not part of the heading, unless it is all the heading has.
        let content = this.inlines(t.tokens, false);
        if (!hasVisibleText(content)) content = this.inlines(t.tokens);
        if (!hasVisibleText(content)) return;
        if (kind === 'quote') this.out.push({ type: 'quote', content });
        else this.out.push({ type: 'heading', level: clampLevel(t.depth), content });
        return;
      }
      case 'paragraph': {
        const t = token as Tokens.Paragraph;
        const alone = lonelyImages(t.tokens);
        if (alone) {
          for (const alt of alone) this.out.push({ type: 'caption', content: [{ text: alt }] });
          return;
        }
        this.pushContent(kind, this.inlines(t.tokens));
        return;
      }
      case 'text': {
        // Block-level text appears in tight list items; elsewhere treat it as a paragraph.
        const t = token as Tokens.Text;
        this.pushContent(kind, this.inlines(t.tokens ?? [t]));
        return;
      }
      case 'blockquote':
        this.blocks((token as Tokens.Blockquote).tokens, 'quote', depth + 1);
        return;
      case 'list': {
        const t = token as Tokens.List;
        const items: Inline[][] = [];
        this.listItems(t, items, depth + 1);
        if (items.length) this.out.push({ type: 'list', ordered: t.ordered, items });
        return;
      }
      case 'code': {
        const text = (token as Tokens.Code).text.replace(/\n+$/, '');
        if (text.trim()) this.out.push({ type: 'code', text });
        return;
      }
      case 'table': {
        const t = token as Tokens.Table;
        for (const row of [t.header, ...t.rows]) {
          const run = new InlineRun();
          row.forEach((cell, i) => {
            if (i > 0) run.text(' | ');
            this.collect(cell.tokens, PLAIN, run, newHtmlState());
          });
          this.pushContent(kind, run.take());
        }
        return;
      }
      case 'html':
        this.out.push(...this.htmlBlock((token as Tokens.HTML).text));
        return;
      case 'space':
      case 'hr':
      case 'def':
      case 'checkbox':
        return;
      default:
        // Extensions we do not know: keep their source text rather than lose content.
        this.pushText(kind, token.raw);
    }
  }

  /** Items of a list and, after each, the items of the lists nested in it. */
  private listItems(list: Tokens.List, items: Inline[][], depth: number): void {
    for (const item of list.items) {
      const run = new InlineRun();
      if (item.task) run.text(item.checked ? '[x] ' : '[ ] ');
      const nested: Tokens.List[] = [];
      for (const child of item.tokens) {
        if (child.type === 'list') nested.push(child as Tokens.List);
        else if (child.type === 'checkbox') continue;
        else {
          this.itemContent(child, run, depth);
          run.text(' ');
        }
      }
      const content = run.take();
      if (hasVisibleText(content)) items.push(content);
      if (depth <= MAX_TOKEN_DEPTH) for (const sub of nested) this.listItems(sub, items, depth + 1);
    }
  }

  /** Block content inside a list item, folded into the item's single line. */
  private itemContent(token: Token, run: InlineRun, depth: number): void {
    const children = (token as { tokens?: Token[] }).tokens;
    if (token.type === 'code') run.text((token as Tokens.Code).text, withMark(PLAIN, 'code'));
    else if (token.type === 'html')
      run.text(textOfBlocks(this.htmlBlock((token as Tokens.HTML).text)));
    else if (token.type === 'table' || token.type === 'list') run.text(token.raw);
    else if (token.type === 'paragraph' || token.type === 'text' || token.type === 'heading') {
      this.collect(children ?? [token], PLAIN, run, newHtmlState());
    } else if (children && depth <= MAX_TOKEN_DEPTH) {
      for (const child of children) {
        this.itemContent(child, run, depth + 1);
        run.text(' ');
      }
    }
  }

  private pushContent(kind: BlockKind, content: Inline[]): void {
    if (!hasVisibleText(content)) return;
    this.out.push(kind === 'quote' ? { type: 'quote', content } : { type: 'paragraph', content });
  }

  private pushText(kind: BlockKind, text: string): void {
    const run = new InlineRun();
    run.text(text);
    this.pushContent(kind, run.take());
  }

  private inlines(tokens: readonly Token[], images = true): Inline[] {
    const run = new InlineRun();
    const html = newHtmlState();
    html.images = images;
    this.collect(tokens, PLAIN, run, html);
    return run.take();
  }

  private collect(
    tokens: readonly Token[],
    style: InlineStyle,
    run: InlineRun,
    html: HtmlInlineState,
    depth = 0,
  ): void {
    for (const token of tokens) {
      if (html.skipUntil) {
        if (token.type === 'html' && closingTag(token.raw) === html.skipUntil)
          html.skipUntil = null;
        continue;
      }
      const effective = applyHtml(style, html);
      const children = (token as { tokens?: Token[] }).tokens;
      if (depth > MAX_TOKEN_DEPTH) {
        run.text(token.raw, effective);
        continue;
      }
      switch (token.type) {
        case 'text':
          if (children?.length) this.collect(children, style, run, html, depth + 1);
          else run.text(decodeEntities((token as Tokens.Text).text), effective);
          break;
        case 'escape':
          run.text((token as Tokens.Escape).text, effective);
          break;
        case 'codespan':
          // Code spans are literal: no entity decoding.
          run.text((token as Tokens.Codespan).text, withMark(effective, 'code'));
          break;
        case 'strong':
          this.collect(children ?? [], withMark(style, 'bold'), run, html, depth + 1);
          break;
        case 'em':
          this.collect(children ?? [], withMark(style, 'italic'), run, html, depth + 1);
          break;
        case 'del':
          this.collect(children ?? [], style, run, html, depth + 1);
          break;
        case 'link': {
          const t = token as Tokens.Link;
          const href = safeHref(t.autolink ? t.href : decodeEntities(t.href));
          this.collect(children ?? [], withHref(style, href), run, html, depth + 1);
          break;
        }
        case 'image':
          if (html.images) run.text(decodeEntities((token as Tokens.Image).text), effective);
          break;
        case 'br':
          run.lineBreak();
          break;
        case 'checkbox':
          break;
        case 'html':
          this.inlineHtml(token.raw, run, html, effective);
          break;
        default:
          run.text(token.raw, effective);
      }
    }
  }

  private inlineHtml(raw: string, run: InlineRun, html: HtmlInlineState, style: InlineStyle): void {
    const closing = closingTag(raw);
    if (closing) {
      if (closing === 'b' || closing === 'strong') html.bold = Math.max(0, html.bold - 1);
      else if (closing === 'i' || closing === 'em') html.italic = Math.max(0, html.italic - 1);
      else if (closing === 'code' || closing === 'kbd') html.code = Math.max(0, html.code - 1);
      else if (closing === 'a') html.href = undefined;
      return;
    }
    const open = /^<([A-Za-z][A-Za-z0-9-]*)([\s\S]*?)\/?>$/.exec(raw.trim());
    if (!open) return; // comments, declarations, processing instructions
    const tag = (open[1] ?? '').toLowerCase();
    const attrs = open[2] ?? '';
    if (SKIP_CONTENT_TAGS.has(tag)) {
      if (!/\/>$/.test(raw.trim())) html.skipUntil = tag;
      return;
    }
    if (tag === 'b' || tag === 'strong') html.bold++;
    else if (tag === 'i' || tag === 'em') html.italic++;
    else if (tag === 'code' || tag === 'kbd') html.code++;
    else if (tag === 'br') run.lineBreak();
    else if (tag === 'a') html.href = safeHref(decodeEntities(attribute(attrs, 'href') ?? ''));
    else if (tag === 'img' && html.images)
      run.text(decodeEntities(attribute(attrs, 'alt') ?? ''), style);
  }

  /** A raw HTML block, sanitised and converted exactly like an imported page. */
  private htmlBlock(html: string): Block[] {
    if (!this.htmlDom) this.htmlDom = loadHtml('', this.fileName);
    const { window } = this.htmlDom;
    const container = window.document.createElement('div');
    container.innerHTML = capNesting(html);
    sanitizeInPlace(window, container);
    return domToBlocks(container);
  }

  close(): void {
    this.htmlDom?.window.close();
  }
}

function newHtmlState(): HtmlInlineState {
  return { bold: 0, italic: 0, code: 0, href: undefined, skipUntil: null, images: true };
}

function applyHtml(style: InlineStyle, html: HtmlInlineState): InlineStyle {
  let out = style;
  if (html.bold) out = withMark(out, 'bold');
  if (html.italic) out = withMark(out, 'italic');
  if (html.code) out = withMark(out, 'code');
  if (html.href && !out.href) out = withHref(out, html.href);
  return out;
}

function closingTag(raw: string): string | null {
  const m = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/.exec(raw.trim());
  return m ? (m[1] ?? '').toLowerCase() : null;
}

function attribute(attrs: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** Alt texts of a paragraph made only of images (and whitespace), or null. */
function lonelyImages(tokens: readonly Token[]): string[] | null {
  const alts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'image')
      alts.push(
        decodeEntities((token as Tokens.Image).text)
          .replace(/\s+/g, ' ')
          .trim(),
      );
    else if (
      token.type === 'link' &&
      (token as Tokens.Link).tokens.every((t) => t.type === 'image')
    ) {
      for (const t of (token as Tokens.Link).tokens)
        alts.push(
          decodeEntities((t as Tokens.Image).text)
            .replace(/\s+/g, ' ')
            .trim(),
        );
    } else if (!(token.type === 'text' && !token.raw.trim()) && token.type !== 'br') return null;
  }
  return alts.length ? alts.filter(Boolean) : null;
}

function textOfBlocks(blocks: readonly Block[]): string {
  return blocks.map(blockText).join(' ');
}

function clampLevel(depth: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, Math.round(depth))) as 1 | 2 | 3 | 4 | 5 | 6;
}
