import type { ArticleSummary } from '../../../electron/model/articles';
import { formatDate } from './formatDate';

/** Byline · site · date, skipping whatever the article doesn't have. */
export function ArticleMeta({
  article,
  className,
}: {
  article: ArticleSummary;
  className?: string;
}) {
  const date = formatDate(article.published);
  const parts = [article.byline, article.siteName].filter(
    (part): part is string => !!part && part.trim() !== '',
  );
  if (parts.length === 0 && !date) return null;
  return (
    <span className={className}>
      {parts.map((part, i) => (
        <span key={i} className="meta-part">
          {part}
        </span>
      ))}
      {date && (
        <span className="meta-part">
          <time dateTime={date.dateTime ?? undefined}>{date.text}</time>
        </span>
      )}
    </span>
  );
}
