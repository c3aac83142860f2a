import { useLayoutEffect, useRef } from 'react';
import type { Passage } from '../../../electron/model/passages';
import { placeNear } from './floatingPosition';
import { shortQuote } from './quoteText';

/** What hovering a highlight shows: each passage there with its tags and comment. Not interactive. */
export function PassagePreview({ passages, anchor }: { passages: Passage[]; anchor: HTMLElement }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (box.current) placeNear(box.current, anchor.getBoundingClientRect(), 6);
  }, [anchor, passages]);
  return (
    <div ref={box} role="tooltip" className="passage-preview">
      {passages.map((passage) => (
        <div key={passage.id} className="passage-preview-item">
          <p className="passage-preview-quote">“{shortQuote(passage.quote, 200)}”</p>
          {passage.tags.length > 0 && (
            <p className="passage-tags-line">{passage.tags.map((tag) => `#${tag}`).join('  ')}</p>
          )}
          {passage.comment && (
            <p className="passage-preview-comment">{shortQuote(passage.comment, 300)}</p>
          )}
        </div>
      ))}
      <p className="passage-preview-hint">Click to edit</p>
    </div>
  );
}
