/**
 * "Copy as citation": a passage's quote with its source's citation, as plain text and HTML,
 * ready for the clipboard. Without a style the short citation is used, as in the app.
 */
import type { Database } from 'better-sqlite3';
import type { CitationStyle } from '../../model/export';
import { CommonplaceError } from '../errors';
import { formatCitation } from './format';
import { toCslItem } from './item';
import { shortCitation } from './short';
import { citableSources } from './sources';

export interface QuotedCitation {
  text: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function passageCitation(
  db: Database,
  passageId: string,
  style: CitationStyle | null,
): QuotedCitation {
  const row = db
    .prepare<[string], { exact: string; article_id: string }>(
      'SELECT exact, article_id FROM passages WHERE id = ?',
    )
    .get(passageId);
  const source = row && citableSources(db, [row.article_id]).get(row.article_id);
  if (!row || !source) throw new CommonplaceError('not_found', `No passage with id ${passageId}.`);
  const cite = style
    ? formatCitation(toCslItem(source), style)
    : { text: shortCitation(source), html: escapeHtml(shortCitation(source)) };
  const quote = row.exact.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  const paragraphs = quote
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return {
    text: `“${quote}”\n— ${cite.text}`,
    html: `<blockquote>${paragraphs}</blockquote><p>— ${cite.html}</p>`,
  };
}
