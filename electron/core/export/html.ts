/**
 * A standalone HTML page: light styles, print styles, no scripts, no remote resources. Every
 * piece of library text is escaped; only the citation's HTML keeps simple inline tags.
 */
import { COLOR_CSS } from './colors';
import type { ExportImage } from './images';
import { truncateWords } from './markdown';
import { escapeHtml, passageUrl, safeInlineHtml } from './text';
import type { ExportContext, ExportDocument, ExportItem, FormatWriter } from './types';

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.55 Charter, "Iowan Old Style", Georgia, serif; color: #1d1d1f; background: #fff; max-width: 44rem; margin: 2.5rem auto; padding: 0 1.25rem; }
header { border-bottom: 1px solid #d8d8dc; margin-bottom: 2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .3rem; }
.meta, .source, .citation, .tags, .links { font: .85rem/1.45 system-ui, sans-serif; color: #55555a; }
.excerpt { margin: 1.4rem 0 1.8rem; break-inside: avoid; }
blockquote { margin: 0; padding: .5rem 1rem; border-left: 4px solid var(--hl, #fff0a0); background: color-mix(in srgb, var(--hl, #fff0a0) 35%, white); white-space: pre-wrap; }
.comment { margin: .6rem 0 .3rem; white-space: pre-wrap; }
.tags { list-style: none; padding: 0; margin: .3rem 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.tags li { border: 1px solid #c8c8cc; border-radius: 1rem; padding: 0 .55rem; }
.links { margin: .3rem 0; padding-left: 1.2rem; }
a { color: #0b57d0; }
.orphaned { font-style: italic; color: #8a5a00; }
figure { margin: .8rem 0 0; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { font: .85rem/1.45 system-ui, sans-serif; color: #55555a; margin-top: .3rem; }
.csl-entry { padding-left: 2em; text-indent: -2em; margin: 0 0 .6rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .back a::after { content: " (" attr(href) ")"; font-size: 8pt; }
  h2 { break-after: avoid; }
}
`;

function colorVar(item: ExportItem): string {
  return `--hl: ${COLOR_CSS[item.passage.color]}`;
}

/**
 * A picture inlined as a data: URL, so the page stays one file that needs nothing else (and
 * loads nothing remote). The preview shows where it goes without its bytes.
 */
function figureHtml(image: ExportImage, preview: boolean): string {
  const src = preview
    ? `data:${image.mediaType};base64,…`
    : `data:${image.mediaType};base64,${Buffer.from(image.bytes).toString('base64')}`;
  const caption = image.caption.trim()
    ? `<figcaption>${escapeHtml(image.caption.trim())}</figcaption>`
    : '';
  return `<figure><img src="${src}" alt="${escapeHtml(image.alt.trim())}">${caption}</figure>`;
}

function excerptHtml(item: ExportItem, preview: boolean): string {
  const p = item.passage;
  const out = [
    `<article class="excerpt" id="p-${escapeHtml(p.id)}" style="${colorVar(item)}">`,
    `<blockquote>${escapeHtml(p.quote.trim())}</blockquote>`,
    ...item.images.map((image) => figureHtml(image, preview)),
  ];
  if (p.orphaned)
    out.push(
      '<p class="orphaned">This passage could no longer be placed in its source; the quote is as it was kept.</p>',
    );
  if (p.comment.trim()) out.push(`<p class="comment">${escapeHtml(p.comment.trim())}</p>`);
  if (p.tags.length)
    out.push(
      `<ul class="tags" aria-label="Tags">${p.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`,
    );
  if (item.links.length) {
    const lis = item.links.map((l) => {
      const label = escapeHtml(truncateWords(l.otherQuote ?? 'a passage', 20));
      return `<li>${l.direction === 'out' ? `${escapeHtml(l.relation)} →` : `← ${escapeHtml(l.relation)}`} <a href="${escapeHtml(passageUrl(l.otherId))}">“${label}”</a></li>`;
    });
    out.push(`<ul class="links" aria-label="Links">${lis.join('')}</ul>`);
  }
  out.push(
    `<p class="citation">— ${safeInlineHtml((item.inText ?? item.citation).html)} <span class="back"><a href="${escapeHtml(passageUrl(p.id))}">Open in Commonplace</a></span></p>`,
    '</article>',
  );
  return out.join('\n');
}

function sourceMeta(item: ExportItem): string {
  const s = item.source;
  const parts = [s.byline, s.siteName, s.published?.slice(0, 10)]
    .filter((v): v is string => !!v)
    .map(escapeHtml);
  // Exports carry a web address only (a local path never leaves the library).
  if (s.source && /^https?:\/\//i.test(s.source))
    parts.push(`<a href="${escapeHtml(s.source)}">${escapeHtml(s.source)}</a>`);
  return parts.length ? `<p class="source">${parts.join(' · ')}</p>` : '';
}

export async function renderHtml(
  doc: ExportDocument,
  ctx: ExportContext,
  preview = false,
): Promise<string> {
  const lang =
    doc.sources.length &&
    doc.sources.every((s) => s.lang === doc.sources[0]!.lang) &&
    doc.sources[0]!.lang
      ? doc.sources[0]!.lang
      : 'en';
  const out = [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Commonplace">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="meta">${doc.items.length} excerpt${doc.items.length === 1 ? '' : 's'} from ${doc.sources.length} source${doc.sources.length === 1 ? '' : 's'} · exported ${escapeHtml(doc.generatedAt.slice(0, 10))}</p>`,
    doc.message ? `<p class="meta">${escapeHtml(doc.message)}</p>` : '',
    '</header>',
    '<main>',
  ];
  for (const g of doc.groups) {
    out.push(
      '<section>',
      `<h2>${g.kind === 'tag' && g.tag !== null ? '#' : ''}${escapeHtml(g.label)}</h2>`,
    );
    const first = g.items[0];
    if (g.kind === 'source' && first) out.push(sourceMeta(first));
    for (const item of g.items) {
      out.push(excerptHtml(item, preview));
      await ctx.tick();
    }
    out.push('</section>');
  }
  if (doc.references?.entries.length)
    out.push(
      '<section class="references">',
      `<h2>${escapeHtml(doc.references.heading)}</h2>`,
      ...doc.references.entries.map((e) => `<p class="csl-entry">${safeInlineHtml(e.html)}</p>`),
      '</section>',
    );
  out.push('</main>', '</body>', '</html>');
  return `${out.filter(Boolean).join('\n')}\n`;
}

const encoder = new TextEncoder();

export const htmlFormat: FormatWriter = {
  format: 'html',
  extension: 'html',
  mediaType: 'text/html; charset=utf-8',
  async build(doc, ctx) {
    return {
      kind: 'file',
      fileName: '',
      mediaType: this.mediaType,
      bytes: encoder.encode(await renderHtml(doc, ctx)),
    };
  },
  preview: (doc) => renderHtml(doc, { tick: () => {} }, true),
};
