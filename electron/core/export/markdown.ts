/**
 * Markdown: YAML front matter, then per group a heading and each excerpt as a block quote
 * followed by its comment, tags, links, citation and a `commonplace://passage/ID` link back.
 */
import { frontMatter } from './frontMatter';
import { imageText, type ExportImage } from './images';
import { blockquote, citationMarkdown, escapeMarkdown, paragraphs } from './markdownText';
import { oneLine, passageUrl } from './text';
import type {
  ExportContext,
  ExportDocument,
  ExportItem,
  ExportReferences,
  FormatWriter,
} from './types';

const encoder = new TextEncoder();

export function documentFrontMatter(doc: ExportDocument): string {
  const s = doc.selection;
  return frontMatter({
    title: doc.title,
    exported: doc.generatedAt,
    generator: 'Commonplace',
    excerpts: doc.items.length,
    sources: doc.sources.length,
    grouped_by: doc.groupBy,
    selection: {
      tags: s.tags,
      tag_mode: s.tags.length > 1 ? s.tagMode : undefined,
      articles: s.articleIds,
      search: s.search?.trim() || undefined,
      date_field: s.from || s.to ? s.dateField : undefined,
      from: s.from,
      to: s.to,
    },
    note: doc.message ?? undefined,
  });
}

function sourceLine(item: ExportItem): string {
  const s = item.source;
  const parts = [s.byline, s.siteName, s.published?.slice(0, 10)]
    .filter((p): p is string => !!p)
    .map(oneLine);
  return parts.length ? `*${escapeMarkdown(parts.join(' · '))}*` : '';
}

/** One excerpt: quote, comment, tags, links, citation and the link back. */
export function excerptMarkdown(item: ExportItem): string {
  const p = item.passage;
  const out = [blockquote(p.quote)];
  // One file can't carry a picture (a data: URL is shown by few Markdown readers): each is named.
  for (const image of item.images) out.push(namedPictureMarkdown(image));
  if (p.orphaned)
    out.push(
      '*(This passage could no longer be placed in its source; the quote is as it was kept.)*',
    );
  if (p.comment.trim()) out.push(paragraphs(p.comment));
  if (p.tags.length)
    out.push(`**Tags:** ${p.tags.map((t) => escapeMarkdown(oneLine(t))).join(' · ')}`);
  for (const l of item.links) {
    const other = l.otherQuote
      ? `“${escapeMarkdown(oneLine(truncateWords(l.otherQuote, 20)))}”`
      : 'a passage';
    const arrow =
      l.direction === 'out' ? `${escapeMarkdown(l.relation)} →` : `← ${escapeMarkdown(l.relation)}`;
    out.push(`**Link:** ${arrow} ${other} <${passageUrl(l.otherId)}>`);
  }
  out.push(`— ${excerptCitation(item)}  \n<${passageUrl(p.id)}>`);
  return out.join('\n\n');
}

/** After an excerpt: its in-text citation with a style, else the short citation. */
export function excerptCitation(item: ExportItem): string {
  return item.inText
    ? citationMarkdown(item.inText.html)
    : escapeMarkdown(oneLine(item.citation.text));
}

/** The reference list at the end of a styled export ("## References", one entry a paragraph). */
export function referencesMarkdown(doc: ExportDocument, level = '##'): string[] {
  return referenceListMarkdown(doc.references, level);
}

/** A reference list as Markdown blocks: its heading, then one entry a paragraph (none: nothing). */
export function referenceListMarkdown(
  references: Pick<ExportReferences, 'heading' | 'entries'> | null | undefined,
  level = '##',
): string[] {
  if (!references?.entries.length) return [];
  return [
    `${level} ${references.heading}`,
    ...references.entries.map((e) => citationMarkdown(e.html)),
  ];
}

export function truncateWords(s: string, words: number): string {
  const parts = s.trim().split(/\s+/);
  return parts.length <= words ? s.trim() : `${parts.slice(0, words).join(' ')}…`;
}

export async function renderMarkdown(doc: ExportDocument, ctx: ExportContext): Promise<string> {
  const out: string[] = [
    documentFrontMatter(doc).trimEnd(),
    `# ${escapeMarkdown(oneLine(doc.title))}`,
  ];
  if (doc.message) out.push(`*${escapeMarkdown(doc.message)}*`);
  for (const g of doc.groups) {
    out.push(`## ${g.kind === 'tag' ? '#' : ''}${escapeMarkdown(oneLine(g.label))}`);
    const first = g.items[0];
    if (g.kind === 'source' && first) {
      const line = sourceLine(first);
      if (line) out.push(line);
    }
    for (const item of g.items) {
      out.push(excerptMarkdown(item));
      out.push('---');
      await ctx.tick();
    }
  }
  out.push(...referencesMarkdown(doc));
  return `${out.join('\n\n')}\n`;
}

export const markdownFormat: FormatWriter = {
  format: 'md',
  extension: 'md',
  mediaType: 'text/markdown; charset=utf-8',
  async build(doc, ctx) {
    return {
      kind: 'file',
      fileName: '',
      mediaType: this.mediaType,
      bytes: encoder.encode(await renderMarkdown(doc, ctx)),
    };
  },
  preview: (doc) => renderMarkdown(doc, { tick: () => {} }),
};

/** A picture named where a Markdown file can't carry it (a data: URL is shown by few readers). */
export function namedPictureMarkdown(image: Pick<ExportImage, 'alt' | 'caption'>): string {
  return `*${escapeMarkdown(oneLine(imageText(image)))} (not in a Markdown file: the HTML, Word and Obsidian exports keep pictures)*`;
}
