/**
 * Citations for exports. Every format takes a `CitationFn`; the short citation below is the
 * default. `citationFor(style)` is the one place a CSL style becomes a function: APA, Chicago and
 * MLA go through citeproc (electron/core/citations).
 */
import type { BundledStyle } from '../../model/export';
import { styledCitation } from '../citations/cite';
import { escapeHtml, oneLine } from './text';
import type { Citation, CitationFn, ExportSource } from './types';
import { titleOrUntitled } from '../../model/titles';

/** "Byline, Title, Site, 2024-06-18" — the parts that exist, the title in italics in HTML. */
export const shortCitation: CitationFn = (s: ExportSource): Citation => {
  const parts: { text: string; html: string }[] = [];
  const add = (v: string | null, italic = false) => {
    const t = v === null ? '' : oneLine(v);
    if (t) parts.push({ text: t, html: italic ? `<i>${escapeHtml(t)}</i>` : escapeHtml(t) });
  };
  add(s.byline);
  add(titleOrUntitled(s.title), true);
  add(s.siteName);
  add(s.published ? s.published.slice(0, 10) : null);
  return { text: parts.map((p) => p.text).join(', '), html: parts.map((p) => p.html).join(', ') };
};

export function citationFor(style: BundledStyle | undefined): CitationFn {
  return style ? styledCitation(style) : shortCitation;
}
