/**
 * The short citation shown beside quotes and in lists: "Byline, Title, Site, 2024-06-18", with
 * missing parts skipped. Runtime-neutral: the exporters and the core all call this one function
 * so a quote reads the same everywhere.
 */
import type { ArticleFields } from '../../model/articles';

/** The source's fields a short citation shows; any may be missing. `published`: ISO, else shown as is. */
export type CitationSource = {
  [K in 'byline' | 'title' | 'siteName' | 'published']?: ArticleFields[K] | null;
};

/** The calendar date of an ISO date/date-time ("2024-06-18", "2024-06", "2024"); other text as given. */
export function citationDate(published: string | null | undefined): string {
  const value = (published ?? '').trim();
  const iso = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|[T ])/.exec(value);
  return iso ? iso[1]! : value;
}

export function shortCitation(source: CitationSource): string {
  const parts: string[] = [];
  for (const raw of [
    source.byline,
    source.title,
    source.siteName,
    citationDate(source.published),
  ]) {
    const part = (raw ?? '').replace(/\s+/g, ' ').trim();
    // A site named like its byline ("Reuters, …, Reuters") says it once.
    if (part && !parts.some((p) => p.toLowerCase() === part.toLowerCase())) parts.push(part);
  }
  return parts.join(', ');
}
