import type { CSSProperties } from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import { ArticleMeta } from './ArticleMeta';

export function rowId(index: number): string {
  return `library-row-${index}`;
}

interface Props {
  index: number;
  total: number;
  article: ArticleSummary | undefined;
  active: boolean;
  open: boolean;
  style: CSSProperties;
  onPick: (index: number) => void;
  /** The context-menu gesture (right click) on a loaded row: its menu, at the pointer. */
  onMenu: (article: ArticleSummary, x: number, y: number) => void;
}

/** One option of the library listbox; a placeholder until its page has arrived. */
export function ArticleRow({ index, total, article, active, open, style, onPick, onMenu }: Props) {
  const className = [
    'library-row',
    active && 'is-active',
    open && 'is-open',
    !article && 'is-loading',
    article && !article.readAt && 'is-unread',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={rowId(index)}
      role="option"
      aria-selected={active}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-current={open ? 'true' : undefined}
      className={className}
      style={style}
      onClick={() => onPick(index)}
      onContextMenu={(event) => {
        if (!article) return;
        event.preventDefault();
        onMenu(article, event.clientX, event.clientY);
      }}
    >
      {article ? (
        <>
          <span className="library-row-title">
            {!article.readAt && (
              <span className="unread-dot" title="Unread">
                <span className="sr-only">Unread: </span>
              </span>
            )}
            {article.title || 'Untitled'}
          </span>
          <ArticleMeta article={article} className="library-row-meta" />
        </>
      ) : (
        <span className="library-row-title">Loading…</span>
      )}
    </div>
  );
}
