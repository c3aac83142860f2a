/**
 * "Copy as citation": a passage's quote with its source's citation, as plain text and HTML,
 * ready for the clipboard — either the quote with its in-text citation (with the page its
 * passage falls on) or the quote with the source's reference entry. The quote marks are the
 * style's locale's, and quotes inside the passage become the inner marks. Without a style the
 * short citation is used, as in the app.
 */
import type { Database } from 'better-sqlite3';
import type { CitationForm, CitationStyle } from '../../model/export';
import { CommonplaceError } from '../errors';
import { toCslItem } from './item';
import { quoteInLocale } from './locales';
import { pageLocator } from '../../model/pages';
import type { FormattedCitation } from './processor';
import { renderCitations } from './render';
import { shortCitation } from './short';
import { citableSources } from './sources';
import { resolveStyle } from './userStyles';

export interface QuotedCitation {
  text: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface PassageRow {
  exact: string;
  article_id: string;
  start: number;
  end: number;
  orphaned: number;
}

export async function passageCitation(
  db: Database,
  passageId: string,
  style: CitationStyle | null,
  form: CitationForm = 'reference',
): Promise<QuotedCitation> {
  const row = db
    .prepare<[string], PassageRow>(
      'SELECT exact, article_id, start, "end", orphaned FROM passages WHERE id = ?',
    )
    .get(passageId);
  const source = row && citableSources(db, [row.article_id]).get(row.article_id);
  if (!row || !source) throw new CommonplaceError('not_found', `No passage with id ${passageId}.`);
  const quote = row.exact.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  if (!style) {
    const short = shortCitation(source);
    return quoted(
      quote,
      quoteInLocale(quote, 'en-US'),
      { text: short, html: escapeHtml(short) },
      false,
    );
  }
  const csl = resolveStyle(db, style);
  const locator = row.orphaned ? null : pageLocator(source.pages, row.start, row.end);
  const cited = await renderCitations(csl, [toCslItem(source)], [{ id: source.id, locator }]);
  const marked = quoteInLocale(quote, csl.locale);
  if (form === 'in-text') return quoted(quote, marked, cited.inText[0]!, csl.kind === 'in-text');
  return quoted(quote, marked, cited.references[0] ?? { text: '', html: '' }, false);
}

/**
 * The quote (`quote` in the locale's marks, `raw` as kept), then its citation: inline after it for a parenthetical in-text citation
 * ("“…” (Ji, 2024, p. 3)"), else on its own line after a dash (a reference entry or a note).
 */
function quoted(
  raw: string,
  quote: string,
  cite: FormattedCitation,
  inline: boolean,
): QuotedCitation {
  // A block quote is set off by itself: its HTML needs no marks.
  const paragraphs = raw
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  if (inline)
    return {
      text: `${quote} ${cite.text}`,
      html: `<p>${escapeHtml(quote).replace(/\n/g, '<br>')} ${cite.html}</p>`,
    };
  return {
    text: `${quote}\n— ${cite.text}`,
    html: `<blockquote>${paragraphs}</blockquote><p>— ${cite.html}</p>`,
  };
}
