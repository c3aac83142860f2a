/**
 * An Obsidian-ready folder: one Markdown file per source (front matter with the source's
 * metadata, each excerpt a block quote with a block id, tags as `#tags`, links between passages
 * as `[[File#^block]]` wiki links) and an index file linking them all.
 */
import { UniqueNames } from './fileNames';
import { imageFileName, type ExportImage } from './images';
import { frontMatter } from './frontMatter';
import {
  documentFrontMatter,
  excerptCitation,
  referencesMarkdown,
  truncateWords,
} from './markdown';
import { blockquote, citationMarkdown, escapeMarkdown, paragraphs } from './markdownText';
import { articleUrl, cleanText, oneLine, passageUrl } from './text';
import type {
  ExportContext,
  ExportDocument,
  ExportFile,
  ExportItem,
  ExportSource,
  FormatWriter,
} from './types';
import { titleOrUntitled } from '../../model/titles';

const encoder = new TextEncoder();
export const INDEX_FILE = 'Index';
/** Pictures go here, each once, named by its hash; notes link to them by relative path. */
export const ATTACHMENTS_FOLDER = 'attachments';

/**
 * A picture embedded the way both Obsidian and other Markdown readers resolve it: a relative
 * link from the note (all notes sit at the folder's top) into the attachments folder.
 */
function pictureMarkdown(image: ExportImage): string {
  const embed = `![${escapeMarkdown(oneLine(image.alt))}](${ATTACHMENTS_FOLDER}/${imageFileName(image)})`;
  return image.caption.trim() ? `${embed}\n*${escapeMarkdown(oneLine(image.caption))}*` : embed;
}

/**
 * A tag as Obsidian parses it: letters, digits, `_`, `-` and `/` only (spaces become `-`), and at
 * least one character that isn't a digit.
 */
export function obsidianTag(name: string): string {
  let t = cleanText(name)
    .normalize('NFC')
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}_\-/]/gu, '')
    .replace(/^\/+|\/+$/g, '');
  if (!t) t = 'tag';
  if (/^[\p{N}/]+$/u.test(t)) t = `_${t}`;
  return t;
}

/** Obsidian block ids: Latin letters, digits and dashes. */
export function blockId(passageId: string): string {
  return `p-${passageId.replace(/[^a-zA-Z0-9-]/g, '')}`;
}

/** Text shown for a wiki link: nothing that could close or split it. */
function linkAlias(s: string): string {
  return oneLine(s)
    .replace(/[[\]|#^]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Plan {
  files: Map<string, string>; // source id → file name without extension
  blocks: Map<string, string>; // passage id → file name without extension
}

function plan(doc: ExportDocument): Plan {
  const names = new UniqueNames();
  names.claim(INDEX_FILE, 'md');
  const files = new Map<string, string>();
  for (const s of doc.sources) files.set(s.id, names.claim(titleOrUntitled(s.title), 'md'));
  const blocks = new Map<string, string>();
  for (const item of doc.items) blocks.set(item.passage.id, files.get(item.source.id)!);
  return { files, blocks };
}

function sourceFrontMatter(s: ExportSource, count: number): string {
  return frontMatter({
    title: s.title,
    subtitle: s.subtitle ?? undefined,
    author: s.byline ?? undefined,
    published: s.published ?? undefined,
    site: s.siteName ?? undefined,
    source: s.source ?? undefined,
    lang: s.lang ?? undefined,
    tags: s.tags.map(obsidianTag),
    commonplace: articleUrl(s.id),
    excerpts: count,
  });
}

function excerpt(item: ExportItem, p: Plan): string {
  const pass = item.passage;
  const out = [blockquote(pass.quote), `^${blockId(pass.id)}`, ...item.images.map(pictureMarkdown)];
  if (pass.orphaned)
    out.push(
      '*(This passage could no longer be placed in its source; the quote is as it was kept.)*',
    );
  if (pass.comment.trim()) out.push(paragraphs(pass.comment));
  if (pass.tags.length) out.push(pass.tags.map((t) => `#${obsidianTag(t)}`).join(' '));
  for (const l of item.links) {
    const file = p.blocks.get(l.otherId);
    const alias = linkAlias(truncateWords(l.otherQuote ?? 'passage', 12)) || 'passage';
    const target = file
      ? `[[${file}#^${blockId(l.otherId)}|${alias}]]`
      : `[${escapeMarkdown(alias)}](<${passageUrl(l.otherId)}>)`;
    out.push(
      l.direction === 'out'
        ? `${escapeMarkdown(l.relation)} → ${target}`
        : `← ${escapeMarkdown(l.relation)} ${target}`,
    );
  }
  out.push(`— ${excerptCitation(item)} · [Open in Commonplace](<${passageUrl(pass.id)}>)`);
  return out.join('\n\n');
}

function indexFile(doc: ExportDocument, p: Plan): string {
  const out = [documentFrontMatter(doc).trimEnd(), `# ${escapeMarkdown(oneLine(doc.title))}`];
  if (doc.message) out.push(`*${escapeMarkdown(doc.message)}*`);
  const counts = new Map<string, number>();
  for (const item of doc.items) counts.set(item.source.id, (counts.get(item.source.id) ?? 0) + 1);
  out.push('## Sources');
  out.push(
    doc.sources
      .map(
        (s) =>
          `- [[${p.files.get(s.id)}|${titleOrUntitled(linkAlias(s.title))}]] (${counts.get(s.id)} excerpt${counts.get(s.id) === 1 ? '' : 's'})`,
      )
      .join('\n') || '*None.*',
  );
  if (doc.groupBy === 'tag') {
    for (const g of doc.groups) {
      out.push(`## ${g.tag === null ? escapeMarkdown(g.label) : `#${obsidianTag(g.tag)}`}`);
      out.push(
        g.items
          .map(
            (i) =>
              `- [[${p.blocks.get(i.passage.id)}#^${blockId(i.passage.id)}|${linkAlias(truncateWords(i.passage.quote, 12)) || 'passage'}]]`,
          )
          .join('\n'),
      );
    }
  }
  out.push(...referencesMarkdown(doc));
  return `${out.join('\n\n')}\n`;
}

async function buildFiles(doc: ExportDocument, ctx: ExportContext): Promise<ExportFile[]> {
  const p = plan(doc);
  const files: ExportFile[] = [
    { path: `${INDEX_FILE}.md`, bytes: encoder.encode(indexFile(doc, p)) },
  ];
  const bySource = new Map<string, ExportItem[]>();
  for (const item of doc.items) {
    const list = bySource.get(item.source.id);
    if (list) list.push(item);
    else bySource.set(item.source.id, [item]);
  }
  for (const s of doc.sources) {
    const items = bySource.get(s.id) ?? [];
    const parts = [
      sourceFrontMatter(s, items.length).trimEnd(),
      `# ${escapeMarkdown(oneLine(titleOrUntitled(s.title)))}`,
    ];
    for (const item of items) {
      parts.push(excerpt(item, p), '---');
      await ctx.tick();
    }
    // With a style, each source's file ends with its own reference entry.
    const entry = doc.references ? items[0]?.citation : undefined;
    if (entry) parts.push(`## ${doc.references!.heading}`, citationMarkdown(entry.html));
    files.push({
      path: `${p.files.get(s.id)}.md`,
      bytes: encoder.encode(`${parts.join('\n\n')}\n`),
    });
  }
  const pictures = new Map<string, ExportImage>();
  for (const item of doc.items) for (const image of item.images) pictures.set(image.hash, image);
  for (const image of pictures.values())
    files.push({ path: `${ATTACHMENTS_FOLDER}/${imageFileName(image)}`, bytes: image.bytes });
  return files;
}

export const obsidianFormat: FormatWriter = {
  format: 'obsidian',
  extension: '',
  mediaType: 'application/zip',
  async build(doc, ctx) {
    return { kind: 'folder', folderName: '', files: await buildFiles(doc, ctx) };
  },
  async preview(doc) {
    const files = await buildFiles(doc, { tick: () => {} });
    const decoder = new TextDecoder();
    // The index, then the first source file: what a user checks first.
    return files
      .slice(0, 2)
      .map((f) => `=== ${f.path} ===\n${decoder.decode(f.bytes)}`)
      .join('\n');
  },
};
