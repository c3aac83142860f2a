import { useMemo } from 'react';
import { splitSnippet } from './snippet';

/** A snippet with its hits as <mark>s; text only, never HTML. */
export function Snippet({ text, className }: { text: string; className?: string }) {
  const segments = useMemo(() => splitSnippet(text), [text]);
  return (
    <span className={className}>
      {segments.map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </span>
  );
}
