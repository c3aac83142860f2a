/**
 * JSON in the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/): an
 * AnnotationCollection whose first AnnotationPage holds one Annotation per passage — target
 * selectors TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end in the
 * article's canonical text), the comment as a `commenting` TextualBody, each tag a `tagging`
 * TextualBody — plus one `linking` Annotation per link between exported passages. Source
 * metadata rides on Dublin Core terms, declared in the context. Strings keep their exact text
 * (JSON escapes control characters), so the selectors still match the article.
 */
import { PASSAGE_COLORS } from '../../model/passages';
import { COLOR_CSS } from './colors';
import { articleUrl, passageUrl } from './text';
import type { ExportContext, ExportDocument, ExportItem, FormatWriter } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const DC = 'http://purl.org/dc/terms/';

/** Highlight colours as a CSS stylesheet the targets refer to by `styleClass`. */
const STYLESHEET = {
  type: 'CssStylesheet',
  value: PASSAGE_COLORS.map((c) => `.cp-${c} { background-color: ${COLOR_CSS[c]}; }`).join(' '),
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

function sourceResource(item: ExportItem): Json {
  const s = item.source;
  return {
    id: articleUrl(s.id),
    type: 'Text',
    format: 'text/plain',
    language: s.lang ?? undefined,
    'dc:title': s.title,
    'dc:creator': s.byline ?? undefined,
    'dc:date': s.published ?? undefined,
    'dc:publisher': s.siteName ?? undefined,
    'dc:source': s.source ?? undefined,
    'dc:bibliographicCitation': item.citation.text,
  };
}

export function passageAnnotation(item: ExportItem): Json {
  const p = item.passage;
  const body: Json[] = [];
  if (p.comment.trim())
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: p.comment,
      format: 'text/plain',
    });
  for (const t of p.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: t });
  return {
    id: passageUrl(p.id),
    type: 'Annotation',
    motivation: p.comment.trim() ? 'commenting' : 'highlighting',
    created: p.createdAt,
    modified: p.updatedAt,
    body: body.length ? body : undefined,
    target: {
      type: 'SpecificResource',
      source: sourceResource(item),
      styleClass: `cp-${p.color}`,
      selector: [
        { type: 'TextQuoteSelector', exact: p.quote, prefix: p.prefix, suffix: p.suffix },
        { type: 'TextPositionSelector', start: p.start, end: p.end },
      ],
    },
  };
}

/** Links whose both ends are exported, once each (from the passage that links out). */
function linkAnnotations(doc: ExportDocument): Json[] {
  const exported = new Set(doc.items.map((i) => i.passage.id));
  const out: Json[] = [];
  for (const item of doc.items) {
    for (const l of item.links) {
      if (l.direction !== 'out' || !exported.has(l.otherId)) continue;
      out.push({
        type: 'Annotation',
        motivation: 'linking',
        body: [
          passageUrl(l.otherId),
          { type: 'TextualBody', purpose: 'classifying', value: l.relation },
        ],
        target: passageUrl(item.passage.id),
      });
    }
  }
  return out;
}

export async function renderWebAnnotation(
  doc: ExportDocument,
  ctx: ExportContext,
): Promise<string> {
  const items: Json[] = [];
  for (const item of doc.items) {
    items.push(passageAnnotation(item));
    await ctx.tick();
  }
  items.push(...linkAnnotations(doc));
  const collection: Json = {
    '@context': [ANNO_CONTEXT, { dc: DC }],
    type: 'AnnotationCollection',
    label: doc.title,
    total: items.length,
    generator: { type: 'Software', name: 'Commonplace' },
    generated: doc.generatedAt,
    stylesheet: STYLESHEET,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

const encoder = new TextEncoder();

export const webAnnotationFormat: FormatWriter = {
  format: 'json',
  extension: 'json',
  mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  async build(doc, ctx) {
    return {
      kind: 'file',
      fileName: '',
      mediaType: this.mediaType,
      bytes: encoder.encode(await renderWebAnnotation(doc, ctx)),
    };
  },
  preview: (doc) => renderWebAnnotation(doc, { tick: () => {} }),
};
