/**
 * Word (DOCX) through the `docx` library: a title, a heading per group, each excerpt in a
 * "Quote" paragraph style, then its comment, tags, links and citation with a link back. Every
 * string passes through `cleanText` first: XML 1.0 forbids most control characters, and one of
 * them would make Word refuse the whole file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { decodeBasicEntities } from '../basicEntities';
import { imageFileName, imagePixelSize, imageText, type ExportImage } from './images';
import { truncateWords } from './markdown';
import { cleanText, oneLine, passageUrl, safeInlineHtml } from './text';
import type { ExportContext, ExportDocument, ExportItem, FormatWriter } from './types';

export const DOCX_QUOTE_STYLE = 'Quote';
export const DOCX_CITATION_STYLE = 'Citation';
export const DOCX_META_STYLE = 'ExcerptMeta';
export const DOCX_REFERENCE_STYLE = 'Reference';
export const DOCX_CAPTION_STYLE = 'Caption';
/** The style a picture's caption is set in (notes.ts uses it too). */
export const DOCX_CAPTION_PARAGRAPH_STYLE = {
  id: DOCX_CAPTION_STYLE,
  name: 'Caption',
  basedOn: 'Normal',
  next: 'Normal',
  run: { size: 18, italics: true, color: '55555A' },
  paragraph: { spacing: { after: 120 } },
};

/** The text column of an A4 or Letter page with Word's default margins, in pixels at 96 dpi. */
const MAX_PICTURE_WIDTH = 600;
const MAX_PICTURE_HEIGHT = 800;
const WORD_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as const;

/**
 * A picture as Word shows it: embedded (word/media/) at its own size, shrunk to fit the column,
 * its alt text as the drawing's description; its caption in the Caption style. Word can't show
 * WebP, and SVG needs a raster fallback we don't have: those (and a picture whose header gives no
 * size) keep their alt text, said as a picture's, in italics.
 */
export function pictureParagraphs(image: ExportImage): Paragraph[] {
  const type = WORD_TYPES[image.mediaType as keyof typeof WORD_TYPES];
  const size = type ? imagePixelSize(image.bytes, image.mediaType) : null;
  const caption = image.caption.trim()
    ? [new Paragraph({ style: DOCX_CAPTION_STYLE, children: lines(image.caption.trim()) })]
    : [];
  if (!type || !size)
    return [
      new Paragraph({
        children: [new TextRun({ text: cleanText(`[${imageText(image)}]`), italics: true })],
      }),
    ];
  const scale = Math.min(1, MAX_PICTURE_WIDTH / size.width, MAX_PICTURE_HEIGHT / size.height);
  const description = cleanText(image.alt.trim() || image.caption.trim());
  return [
    new Paragraph({
      keepNext: caption.length > 0,
      children: [
        new ImageRun({
          type,
          data: image.bytes,
          transformation: {
            width: Math.max(1, Math.round(size.width * scale)),
            height: Math.max(1, Math.round(size.height * scale)),
          },
          altText: { name: imageFileName(image), description, title: description },
        }),
      ],
    }),
    ...caption,
  ];
}

/** Runs for text with line breaks (a run's text can't hold "\n"). */
function lines(text: string, opts: { italics?: boolean; bold?: boolean } = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

/** A citation's (sanitised) inline HTML as runs: italics and bold kept. */
function citationRuns(html: string): TextRun[] {
  const runs: TextRun[] = [];
  let italics = 0;
  let bold = 0;
  for (const part of safeInlineHtml(html).split(/(<\/?[a-z]+>)/)) {
    const tag = /^<(\/?)([a-z]+)>$/.exec(part);
    if (tag) {
      const delta = tag[1] ? -1 : 1;
      if (tag[2] === 'i' || tag[2] === 'em') italics = Math.max(0, italics + delta);
      if (tag[2] === 'b' || tag[2] === 'strong') bold = Math.max(0, bold + delta);
    } else if (part) {
      const text = cleanText(decodeBasicEntities(part));
      runs.push(
        italics || bold
          ? new TextRun({ text, italics: italics > 0, bold: bold > 0 })
          : new TextRun(text),
      );
    }
  }
  return runs;
}

function link(url: string, text: string): ExternalHyperlink {
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text, style: 'Hyperlink' })],
  });
}

/**
 * One excerpt in as few paragraphs and runs as the structure allows: Word documents of 10,000
 * excerpts are dominated by the library's per-node cost, so the tags, links and citation share
 * one "Citation" paragraph, line by line.
 */
function excerptParagraphs(item: ExportItem): Paragraph[] {
  const p = item.passage;
  const out: Paragraph[] = [];
  // One Quote paragraph per paragraph of the excerpt: Word styles work per paragraph.
  for (const para of cleanText(p.quote.trim()).split(/\n{2,}/))
    out.push(new Paragraph({ style: DOCX_QUOTE_STYLE, children: lines(para) }));
  for (const image of item.images) out.push(...pictureParagraphs(image));
  if (p.comment.trim())
    for (const para of cleanText(p.comment.trim()).split(/\n{2,}/))
      out.push(new Paragraph({ children: lines(para) }));
  const meta: ParagraphChild[] = [];
  // Each line starts with a run that carries the line break itself (one run fewer per line).
  const line = (first: string, rest: ParagraphChild[] = [], italics = false) => {
    meta.push(
      new TextRun({
        text: first,
        break: meta.length ? 1 : undefined,
        italics: italics || undefined,
      }),
      ...rest,
    );
  };
  if (p.orphaned)
    line(
      'This passage could no longer be placed in its source; the quote is as it was kept.',
      [],
      true,
    );
  if (p.tags.length) line(`Tags: ${oneLine(p.tags.join(' · '))}`);
  for (const l of item.links) {
    const label = `“${oneLine(truncateWords(l.otherQuote ?? 'a passage', 20))}”`;
    line(l.direction === 'out' ? `${oneLine(l.relation)} → ` : `← ${oneLine(l.relation)} `, [
      link(passageUrl(l.otherId), label),
    ]);
  }
  line('— ', [
    ...citationRuns(`${(item.inText ?? item.citation).html} · `),
    link(passageUrl(p.id), 'Open in Commonplace'),
  ]);
  out.push(new Paragraph({ style: DOCX_CITATION_STYLE, children: meta }));
  return out;
}

async function buildDocument(doc: ExportDocument, ctx: ExportContext): Promise<Document> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(oneLine(doc.title))] }),
    new Paragraph({
      style: DOCX_META_STYLE,
      children: [
        new TextRun(
          `${doc.items.length} excerpt${doc.items.length === 1 ? '' : 's'} from ${doc.sources.length} source${doc.sources.length === 1 ? '' : 's'} · exported ${doc.generatedAt.slice(0, 10)}`,
        ),
      ],
    }),
  ];
  if (doc.message)
    children.push(
      new Paragraph({ style: DOCX_META_STYLE, children: [new TextRun(oneLine(doc.message))] }),
    );
  for (const g of doc.groups) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [
          new TextRun(oneLine(`${g.kind === 'tag' && g.tag !== null ? '#' : ''}${g.label}`)),
        ],
      }),
    );
    const s = g.source;
    if (s) {
      // `source` is a web address or null: a local path never leaves the library.
      const meta = [s.byline, s.siteName, s.published?.slice(0, 10), s.source]
        .filter((v): v is string => !!v)
        .map(oneLine)
        .join(' · ');
      if (meta)
        children.push(new Paragraph({ style: DOCX_META_STYLE, children: [new TextRun(meta)] }));
    }
    for (const item of g.items) {
      children.push(...excerptParagraphs(item));
      await ctx.tick();
    }
  }
  if (doc.references) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(doc.references.heading)],
      }),
    );
    for (const entry of doc.references.entries)
      children.push(
        new Paragraph({ style: DOCX_REFERENCE_STYLE, children: citationRuns(entry.html) }),
      );
  }
  return new Document({
    creator: 'Commonplace',
    title: oneLine(doc.title),
    description: 'Excerpts exported from Commonplace',
    styles: {
      paragraphStyles: [
        {
          id: DOCX_QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '333333' },
          paragraph: {
            indent: { left: 567, right: 567 },
            spacing: { before: 120, after: 60 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'D4B000', space: 8 } },
          },
        },
        {
          id: DOCX_CITATION_STYLE,
          name: 'Citation',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 18, color: '55555A' },
          paragraph: { spacing: { after: 280 }, alignment: AlignmentType.LEFT },
        },
        {
          id: DOCX_REFERENCE_STYLE,
          name: 'Reference',
          basedOn: 'Normal',
          next: 'Normal',
          // A hanging indent, as reference lists are set.
          paragraph: { indent: { left: 720, hanging: 720 }, spacing: { after: 120 } },
        },
        DOCX_CAPTION_PARAGRAPH_STYLE,
        {
          id: DOCX_META_STYLE,
          name: 'Excerpt Meta',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 18, color: '55555A' },
          paragraph: { spacing: { after: 60 } },
        },
      ],
    },
    sections: [{ children }],
  });
}

/** An outline of the document for the preview (a DOCX itself isn't readable text). */
function outline(doc: ExportDocument): string {
  const out = [doc.title, ''];
  for (const g of doc.groups) {
    out.push(`# ${g.kind === 'tag' && g.tag !== null ? '#' : ''}${g.label}`, '');
    for (const item of g.items) {
      out.push(`    “${oneLine(item.passage.quote)}”`);
      for (const image of item.images) out.push(`    [${oneLine(imageText(image))}]`);
      if (item.passage.comment.trim()) out.push(oneLine(item.passage.comment));
      if (item.passage.tags.length) out.push(`Tags: ${item.passage.tags.join(' · ')}`);
      out.push(`— ${(item.inText ?? item.citation).text}`, '');
    }
  }
  if (doc.references)
    out.push(`# ${doc.references.heading}`, '', ...doc.references.entries.map((e) => e.text));
  return out.join('\n');
}

export const docxFormat: FormatWriter = {
  format: 'docx',
  extension: 'docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  async build(doc, ctx) {
    const bytes = await Packer.toBuffer(await buildDocument(doc, ctx));
    return { kind: 'file', fileName: '', mediaType: this.mediaType, bytes: new Uint8Array(bytes) };
  },
  preview: async (doc) => outline(doc),
};
