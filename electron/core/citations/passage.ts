/**
 * "Copy as citation": a passage's quote with its source's citation, as plain text and HTML,
 * ready for the clipboard. Without a style the short citation is used, as in the app.
 */
import type { Database } from 'better-sqlite3';
import type { CitationStyle } from '../../api/contract';
import { CommonplaceError } from '../errors';
import { formatCitation } from './format';
import { toCslItem, type CitableSource } from './item';
import { shortCitation } from './short';

export interface QuotedCitation {
  text: string;
  html: string;
}

interface Row {
  exact: string;
  id: string;
  title: string;
  subtitle: string | null;
  byline: string | null;
  published: string | null;
  site_name: string | null;
  lang: string | null;
  source: string | null;
  created_at: string;
  media_type: string | null;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function passageCitation(db: Database, passageId: string, style: CitationStyle | null): QuotedCitation {
  const row = db
    .prepare<[string], Row>(
      `SELECT p.exact, a.id, a.title, a.subtitle, a.byline, a.published, a.site_name, a.lang, a.source, a.created_at, o.media_type
       FROM passages p JOIN articles a ON a.id = p.article_id LEFT JOIN originals o ON o.hash = a.hash WHERE p.id = ?`,
    )
    .get(passageId);
  if (!row) throw new CommonplaceError('not_found', `No passage with id ${passageId}.`);
  const source: CitableSource = { id: row.id, title: row.title, subtitle: row.subtitle, byline: row.byline, published: row.published, siteName: row.site_name, lang: row.lang, source: row.source, mediaType: row.media_type, imported: row.created_at };
  const cite = style ? formatCitation(toCslItem(source), style) : { text: shortCitation(source), html: escapeHtml(shortCitation(source)) };
  const quote = row.exact.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  const paragraphs = quote.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  return {
    text: `“${quote}”\n— ${cite.text}`,
    html: `<blockquote>${paragraphs}</blockquote><p>— ${cite.html}</p>`,
  };
}
