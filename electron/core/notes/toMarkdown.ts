/**
 * Note document → Markdown (CommonMark + GFM tables and task lists). Passage quotes become
 * block quotes followed by a citation line; mentions become a link, their label to
 * `commonplace://KIND/ID` (which markdownToDoc reads back as the mention). Text is escaped so a
 * Markdown parser reads back the same text (markdownToDoc(docToMarkdown(d)) keeps the content).
 */
import type { EntityRef } from '../../model/links';
import { NOTE_NODE_MENTION, NOTE_NODE_PASSAGE_QUOTE } from '../../model/notes';
import { TEXT_FORMAT, type JsonDoc, type JsonNode } from './lexicalJson';
import { UNTITLED } from '../../model/titles';

/** What a passage quote shows: the passage's current text when it still exists. */
export interface QuotedSource {
  quote: string;
  citation: string;
  /** A styled citation already written as Markdown (an export's in-text citation): used as is. */
  citationMarkdown?: string;
  deleted: boolean;
  /** Markdown for the pictures the passage covers (an export's), written after the quote. */
  picturesMarkdown?: string;
}

export type QuoteLookup = (passageId: string) => QuotedSource | undefined;

/** A mentioned thing's current whole label (the node keeps the one it was given), if known. */
export type MentionLookup = (ref: EntityRef) => string | undefined;

/** The link a mention writes: the app opens it (deep link); the notes' Markdown reads it back. */
export function mentionUrl(ref: EntityRef): string {
  return `commonplace://${ref.kind}/${ref.id}`;
}

/** Characters that could start Markdown syntax inside text. */
const INLINE_SPECIAL = /[\\`*_[\]<>~|]/g;

function escapeText(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** A line that would otherwise read as a heading, quote, list item, rule or fence. */
function escapeLineStart(line: string): string {
  return line.replace(
    /^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](\s|$))|=+\s*$|-{3,}\s*$)/,
    (_m, space: string, mark: string) =>
      /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

function formatted(text: string, format: number): string {
  if (!text) return '';
  if (format & TEXT_FORMAT.code) {
    const ticks = '`'.repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${text}${pad}${ticks}`;
  }
  // Emphasis can't open or close next to whitespace: keep the spaces outside the markers.
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text.slice(lead.length))![0];
  const core = text.slice(lead.length, text.length - trail.length);
  if (!core) return text;
  let out = escapeText(core);
  if (format & TEXT_FORMAT.strikethrough) out = `~~${out}~~`;
  if (format & TEXT_FORMAT.italic) out = `*${out}*`;
  if (format & TEXT_FORMAT.bold) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

class Writer {
  constructor(
    private readonly lookup: QuoteLookup,
    private readonly mentionLabel: MentionLookup,
  ) {}

  inline(nodes: readonly JsonNode[] | undefined): string {
    let out = '';
    for (const n of nodes ?? []) {
      switch (n.type) {
        case 'text':
        case 'code-highlight':
        case 'hashtag':
          out += formatted(String(n.text ?? ''), typeof n.format === 'number' ? n.format : 0);
          break;
        case 'tab':
          out += '\t';
          break;
        case 'linebreak':
          out += '\\\n';
          break;
        case 'link':
        case 'autolink': {
          const url = String(n.url ?? '');
          out += `[${this.inline(n.children)}](<${url.replace(/[<>]/g, encodeURIComponent)}>)`;
          break;
        }
        case NOTE_NODE_MENTION: {
          const ref = n.ref as EntityRef;
          const label = this.mentionLabel(ref) ?? String(n.label ?? '');
          const text = escapeText(label.replace(/\s+/g, ' ').trim() || UNTITLED);
          out += `[${text}](${mentionUrl(ref)})`;
          break;
        }
        default:
          out += this.inline(n.children);
      }
    }
    return out;
  }

  /** Inline content as lines, each safe at the start of a line. */
  private lines(nodes: readonly JsonNode[] | undefined): string {
    return this.inline(nodes)
      .split('\n')
      .map((l) => escapeLineStart(l))
      .join('\n');
  }

  blocks(nodes: readonly JsonNode[]): string[] {
    const out: string[] = [];
    for (const n of nodes) {
      const b = this.block(n);
      if (b !== null) out.push(b);
    }
    return out;
  }

  block(n: JsonNode): string | null {
    switch (n.type) {
      case 'heading': {
        const level = Number(/^h([1-6])$/.exec(String(n.tag))?.[1] ?? 1);
        return `${'#'.repeat(level)} ${this.inline(n.children).replace(/\\\n/g, ' ')}`;
      }
      case 'paragraph': {
        const text = this.lines(n.children);
        return text.trim() ? text : null;
      }
      case 'quote':
        return prefixLines(this.lines(n.children), '> ');
      case 'list':
        return this.list(n);
      case 'code':
      case 'code-block':
        return codeBlock(plain(n.children), typeof n.language === 'string' ? n.language : '');
      case 'table':
        return this.table(n);
      case NOTE_NODE_PASSAGE_QUOTE:
        return this.passageQuote(n);
      case 'horizontalrule':
        return '---';
      default:
        return n.children ? this.blocks(n.children).join('\n\n') || null : null;
    }
  }

  private passageQuote(n: JsonNode): string {
    const source = this.lookup(String(n.passageId));
    const quote = source?.quote ?? String(n.quote ?? '');
    const citation = source?.citation || String(n.citation ?? '');
    const gone = !source || source.deleted;
    const lines = quote
      .split('\n')
      .map((l) => escapeLineStart(escapeText(l)))
      .join('\n');
    const line = source?.citationMarkdown ?? (citation && escapeText(citation));
    const cite = [line && `— ${line}`, gone && '(source deleted)'].filter(Boolean).join(' ');
    return [prefixLines(lines, '> '), source?.picturesMarkdown, cite].filter(Boolean).join('\n\n');
  }

  private list(n: JsonNode): string {
    const type = n.listType === 'number' ? 'number' : n.listType === 'check' ? 'check' : 'bullet';
    let number = typeof n.start === 'number' ? n.start : 1;
    let contentIndent = type === 'number' ? '   ' : '  ';
    const out: string[] = [];
    for (const item of n.children ?? []) {
      const children = item.children ?? [];
      const own = children.filter((c) => c.type !== 'list');
      const nested = children.filter((c) => c.type === 'list');
      if (own.length || !nested.length) {
        const marker =
          type === 'number'
            ? `${number++}. `
            : type === 'check'
              ? `- [${item.checked === true ? 'x' : ' '}] `
              : '- ';
        contentIndent = ' '.repeat(type === 'number' ? marker.length : 2);
        out.push(`${marker}${indentRest(this.lines(own), contentIndent)}`);
      }
      // Lexical nests a list in an item of its own after the item it belongs to: indent it under that one.
      for (const sub of nested) out.push(prefixLines(this.list(sub), contentIndent));
    }
    return out.join('\n');
  }

  private table(n: JsonNode): string | null {
    const rows = (n.children ?? []).map((row) =>
      (row.children ?? []).map((cell) => this.cell(cell)),
    );
    if (!rows.length) return null;
    const width = Math.max(1, ...rows.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
    const line = (r: string[]) => `| ${pad(r).join(' | ')} |`;
    return [
      line(rows[0]!),
      line(Array<string>(width).fill('---')),
      ...rows.slice(1).map(line),
    ].join('\n');
  }

  private cell(cell: JsonNode): string {
    return this.blocks(cell.children ?? [])
      .join(' ')
      .replace(/\\?\n/g, ' ')
      .replace(/(?<!\\)\|/g, '\\|');
  }
}

/** Plain text of a code block's children (text, tabs, line breaks). */
function plain(nodes: readonly JsonNode[] | undefined): string {
  let out = '';
  for (const n of nodes ?? []) {
    if (n.type === 'linebreak') out += '\n';
    else if (n.type === 'tab') out += '\t';
    else if (typeof n.text === 'string') out += n.text;
    else out += plain(n.children);
  }
  return out;
}

function codeBlock(text: string, language: string): string {
  const fence = '`'.repeat(
    Math.max(3, ...[...text.matchAll(/^`{3,}/gm)].map((m) => m[0].length + 1)),
  );
  return `${fence}${language.replace(/[`\s]/g, '')}\n${text}\n${fence}`;
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l ? prefix + l : prefix.trimEnd()))
    .join('\n');
}

/** Continuation lines of a list item line up under its text. */
function indentRest(text: string, indent: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 || !l ? l : indent + l))
    .join('\n');
}

export function docToMarkdown(
  doc: JsonDoc,
  lookup: QuoteLookup = () => undefined,
  mentionLabel: MentionLookup = () => undefined,
): string {
  const text = new Writer(lookup, mentionLabel).blocks(doc.root.children).join('\n\n');
  return text ? `${text}\n` : '';
}
