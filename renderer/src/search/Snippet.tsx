import { useMemo } from 'react';
import { splitSnippet } from './snippet';

/** A snippet with its hits as <mark>s; text only, never HTML. */
export function Snippet({ text, className }: { text: string; className?: string }) {
  const segments = useMemo(() => splitSnippet(text), [text]);
  return (
    <span className={className}>
      {segments.map((segment, i) =>
        segment.hit ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </span>
  );
}

/**
 * The tags a hit matched by (see `SearchHit.matchedTags`), hits marked, so the reason shows.
 * Spans, not a list: it sits inside a result's button, which holds phrasing content only.
 */
export function MatchedTags({ tags }: { tags: readonly string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <span className="passage-tags search-hit-tags">
      <span className="sr-only">Matching tags: </span>
      {tags.map((tag) => (
        <span key={tag} className="tag-pill">
          <Snippet text={tag} />
        </span>
      ))}
    </span>
  );
}
