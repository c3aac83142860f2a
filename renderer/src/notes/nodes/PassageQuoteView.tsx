import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useNav } from '../../app/navigation';
import { useQuoteSource } from '../quoteContext';
import { isGone } from '../quoteLookup';

interface Props {
  nodeKey: NodeKey;
  passageId: string;
  quote: string;
  citation: string;
}

/** A quote block: the passage's current text when known, else the stored one. */
export function PassageQuoteView({ nodeKey, passageId, quote, citation }: Props) {
  const [editor] = useLexicalComposerContext();
  const { go } = useNav();
  const source = useQuoteSource(passageId);
  const gone = isGone(source);
  const live = source !== undefined && source !== 'gone' && !source.deleted ? source : null;
  const text = live?.quote ?? quote;
  // Its article is in the trash: the quote stays as it is, marked so (a restore undoes it).
  const trashed = live?.articleTrashed === true;
  const cite = live?.citation ?? citation;

  const open = () => {
    if (live)
      go({
        kind: 'passage',
        id: live.id,
        articleId: live.articleId,
        start: live.start,
        end: live.end,
      });
  };
  const remove = () =>
    editor.update(() => {
      $getNodeByKey(nodeKey)?.remove();
    });

  return (
    <figure
      className={gone ? 'note-quote is-gone' : trashed ? 'note-quote is-trashed' : 'note-quote'}
      data-passage-id={passageId}
      contentEditable={false}
    >
      <blockquote className="note-quote-text" onClick={open}>
        {text || (source === undefined ? 'Loading passage…' : '')}
      </blockquote>
      <figcaption className="note-quote-caption">
        {live ? (
          <button
            type="button"
            className="link-button note-quote-cite"
            onClick={open}
            title="Open the source at this passage"
          >
            {cite || 'Open source'}
          </button>
        ) : (
          <span className="note-quote-cite">{cite}</span>
        )}
        {gone && <span className="note-quote-gone">source deleted</span>}
        {trashed && <span className="note-quote-gone">source in the trash</span>}
        <button
          type="button"
          className="link-button note-quote-remove"
          onClick={remove}
          aria-label={`Remove quote “${text.slice(0, 40)}”`}
        >
          Remove
        </button>
      </figcaption>
    </figure>
  );
}
