/**
 * A note exported alone, to Markdown or Word. The note's own Markdown (passage quotes as block
 * quotes with their citations, from the notes module) is the single source: Markdown gets front
 * matter; Word is built from the same Markdown through marked's lexer, block quotes in the
 * "Quote" style — so both formats say the same thing.
 */
import type { Database } from 'better-sqlite3';
import type { CitationStyle, NOTE_EXPORT_FORMATS } from '../../model/export';
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import type { PassageCitation } from '../../model/passages';
import { citePassages, publicSources } from '../citations/cited';
import { getNoteSummary } from '../notes/repo';
import { noteMarkdown, type QuotePictures } from '../notes/quotedPassages';
import { safeFileName } from './fileNames';
import { frontMatter } from './frontMatter';
import { cleanText, oneLine } from './text';
import { DOCX_CAPTION_PARAGRAPH_STYLE, DOCX_QUOTE_STYLE, pictureParagraphs } from './docx';
import { excerptImages, type ExportImage } from './images';
import { namedPictureMarkdown, referenceListMarkdown } from './markdown';
import { citationMarkdown } from './markdownText';
import { UNTITLED_NOTE, noteTitleOrUntitled } from '../../model/titles';

export type NoteFormat = (typeof NOTE_EXPORT_FORMATS)[number];

export interface NoteFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

/** marked leaves character references in text as written. */
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

function inline(tokens: readonly Token[] | undefined, marks: Marks = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inline((t as Tokens.Strong).tokens, { ...marks, bold: true }));
        break;
      case 'em':
        out.push(...inline((t as Tokens.Em).tokens, { ...marks, italics: true }));
        break;
      case 'del':
        out.push(...inline((t as Tokens.Del).tokens, { ...marks, strike: true }));
        break;
      case 'codespan':
        out.push(
          new TextRun({
            text: cleanText(decode((t as Tokens.Codespan).text)),
            font: 'Consolas',
            bold: marks.bold,
            italics: marks.italics,
          }),
        );
        break;
      case 'br':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'link': {
        const l = t as Tokens.Link;
        const runs = inline(l.tokens, marks);
        // Only links a reader can follow; anything else keeps its text.
        if (/^(https?:|mailto:|commonplace:)/i.test(l.href))
          out.push(
            new ExternalHyperlink({
              link: l.href,
              children: runs.filter((r): r is TextRun => r instanceof TextRun),
            }),
          );
        else out.push(...runs);
        break;
      }
      default: {
        const kids = (t as { tokens?: Token[] }).tokens;
        const raw = kids?.length ? null : 'text' in t ? String(t.text) : t.raw;
        if (raw === null) out.push(...inline(kids, marks));
        else {
          const lines = cleanText(decode(raw)).split('\n');
          lines.forEach((line, i) =>
            out.push(
              new TextRun({
                text: line,
                break: i ? 1 : undefined,
                bold: marks.bold,
                italics: marks.italics,
                strike: marks.strike,
              }),
            ),
          );
        }
      }
    }
  }
  return out;
}

/** Where Word gets a quoted passage's pictures: `![](#picture-N)` in the Markdown names the Nth. */
const PICTURE_HREF = /^#picture-(\d+)$/;

/** The picture a paragraph of its own names, when it is one of this export's. */
function pictureOf(
  t: Tokens.Paragraph,
  pictures: readonly ExportImage[] | undefined,
): ExportImage | undefined {
  const [only, ...rest] = t.tokens;
  if (!pictures || rest.length || only?.type !== 'image') return undefined;
  const n = PICTURE_HREF.exec((only as Tokens.Image).href)?.[1];
  return n === undefined ? undefined : pictures[Number(n)];
}

function blocks(
  tokens: readonly Token[],
  opts: { style?: string; level?: number; pictures?: readonly ExportImage[] } = {},
): Paragraph[] {
  const out: Paragraph[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        out.push(
          new Paragraph({
            heading: HEADINGS[Math.min(6, Math.max(1, h.depth)) - 1],
            children: inline(h.tokens),
          }),
        );
        break;
      }
      case 'paragraph': {
        const picture = pictureOf(t as Tokens.Paragraph, opts.pictures);
        if (picture) out.push(...pictureParagraphs(picture));
        else
          out.push(
            new Paragraph({ style: opts.style, children: inline((t as Tokens.Paragraph).tokens) }),
          );
        break;
      }
      case 'text':
        out.push(
          new Paragraph({ style: opts.style, children: inline((t as Tokens.Text).tokens ?? [t]) }),
        );
        break;
      case 'blockquote':
        out.push(...blocks((t as Tokens.Blockquote).tokens, { ...opts, style: DOCX_QUOTE_STYLE }));
        break;
      case 'list': {
        const list = t as Tokens.List;
        const level = (opts.level ?? -1) + 1;
        list.items.forEach((item, i) => {
          const marker = list.ordered
            ? `${Number(list.start || 1) + i}. `
            : item.task
              ? item.checked
                ? '☑ '
                : '☐ '
              : '• ';
          out.push(
            new Paragraph({
              style: opts.style,
              indent: { left: 360 * (level + 1), hanging: 360 },
              children: [new TextRun(marker), ...inline(listItemTokens(item))],
            }),
          );
          // Further paragraphs and nested lists of the item, one level in.
          out.push(...blocks(item.tokens.slice(1), { ...opts, level }));
        });
        break;
      }
      case 'code':
        for (const line of cleanText((t as Tokens.Code).text).split('\n'))
          out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
        break;
      case 'table': {
        const table = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) =>
          cells.map((c) => oneLine(decode(c.text))).join('\t');
        out.push(
          new Paragraph({ children: [new TextRun({ text: row(table.header), bold: true })] }),
        );
        for (const r of table.rows) out.push(new Paragraph({ children: [new TextRun(row(r))] }));
        break;
      }
      case 'hr':
        out.push(new Paragraph({ children: [new TextRun('* * *')] }));
        break;
      default:
        break; // space, html (notes escape it), def
    }
  }
  return out;
}

/** The inline tokens of a list item's first block. */
function listItemTokens(item: Tokens.ListItem): Token[] {
  const first = item.tokens[0];
  if (!first) return [];
  const kids = (first as { tokens?: Token[] }).tokens;
  return kids ?? [first];
}

/**
 * With a style, each quoted passage is followed by its in-text citation (with its page) and the
 * note ends with the reference list — the passage exports' citing code (citations/cited.ts).
 */
async function styledNoteMarkdown(
  db: Database,
  id: string,
  style: CitationStyle | undefined,
  pictures: QuotePictures,
): Promise<{ title: string; markdown: string }> {
  if (!style) return noteMarkdown(db, id, undefined, pictures);
  // The note's quoted passages first, then their citations (rendered off this thread for a
  // user's style), then the note with them.
  let quoted: readonly PassageCitation[] = [];
  noteMarkdown(db, id, (passages) => {
    quoted = passages;
    return new Map();
  });
  const sources = publicSources(db, [...new Set(quoted.map((p) => p.articleId))]);
  const places = quoted.filter((p) => sources.has(p.articleId));
  const cited = await citePassages(db, style, [...sources.values()], places);
  const inText = new Map(places.map((p, i) => [p.id, citationMarkdown(cited.inText[i]!.html)]));
  const { title, markdown } = noteMarkdown(db, id, () => inText, pictures);
  const list = referenceListMarkdown(cited.references);
  return {
    title,
    markdown: list.length ? `${markdown.trimEnd()}\n\n${list.join('\n\n')}\n` : markdown,
  };
}

export async function exportNote(
  db: Database,
  id: string,
  format: NoteFormat,
  style?: CitationStyle,
): Promise<NoteFile> {
  const summary = getNoteSummary(db, id);
  // The pictures quoted passages cover, as the passage exports carry them: Markdown names each in
  // place; Word embeds each (with its alt text and caption) where the Markdown points to it.
  const embedded: ExportImage[] = [];
  const pictures: QuotePictures = (passages) => {
    const shown = new Map<string, string>();
    for (const [passageId, images] of excerptImages(db, passages)) {
      const said = images.map((image) => {
        if (format === 'md') return namedPictureMarkdown(image);
        embedded.push(image);
        return `![](#picture-${embedded.length - 1})`;
      });
      shown.set(passageId, said.join('\n\n'));
    }
    return shown;
  };
  const { title, markdown } = await styledNoteMarkdown(db, id, style, pictures);
  const name = safeFileName(noteTitleOrUntitled(title));
  if (format === 'md') {
    const head = frontMatter({
      title,
      tags: summary.tags,
      created: summary.createdAt,
      updated: summary.updatedAt,
      commonplace: `commonplace://note/${id}`,
    });
    const body = `${head}\n# ${title ? oneLine(title).replace(/[\\`*_[\]<>&#]/g, '\\$&') : UNTITLED_NOTE}\n\n${cleanText(markdown)}`;
    return {
      fileName: `${name}.md`,
      mediaType: 'text/markdown; charset=utf-8',
      bytes: new TextEncoder().encode(body),
    };
  }
  const children = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(noteTitleOrUntitled(oneLine(title)))],
    }),
    ...blocks(new Lexer({ gfm: true }).lex(markdown), { pictures: embedded }),
  ];
  const doc = new Document({
    creator: 'Commonplace',
    title: oneLine(title),
    styles: {
      paragraphStyles: [
        {
          id: DOCX_QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '333333' },
          paragraph: { indent: { left: 567, right: 567 } },
        },
        DOCX_CAPTION_PARAGRAPH_STYLE,
      ],
    },
    sections: [{ children }],
  });
  return {
    fileName: `${name}.docx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: new Uint8Array(await Packer.toBuffer(doc)),
  };
}
