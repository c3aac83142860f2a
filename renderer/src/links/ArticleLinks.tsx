import { useId, useState } from 'react';
import { LinksPanel } from './Backlinks';
import { useLinks } from './useLinks';
import { titleOrUntitled } from '../../../electron/model/titles';

interface Props {
  articleId: string;
  title: string;
}

/** The reader header's entry to the article's links: a toggle with the count, and the panel under it. */
export function ArticleLinks({ articleId, title }: Props) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const state = useLinks({ kind: 'article', id: articleId });
  const count = state.groups ? state.groups.incoming.length + state.groups.outgoing.length : null;
  return (
    <div className="links-article">
      <button
        type="button"
        className="links-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span className="links-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        Links{count !== null && count > 0 ? ` (${count})` : ''}
      </button>
      <div id={panelId} hidden={!open}>
        {open && (
          <LinksPanel
            target={{ kind: 'article', id: articleId }}
            label={titleOrUntitled(title)}
            title="Article links"
            state={state}
          />
        )}
      </div>
    </div>
  );
}
