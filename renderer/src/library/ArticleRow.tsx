import type { CSSProperties, DragEvent } from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import type { PickModifiers } from '../ui/VirtualListbox';
import { ArticleMeta } from './ArticleMeta';
import { titleOrUntitled } from '../../../electron/model/titles';

export function rowId(index: number): string {
  return `library-row-${index}`;
}

interface Props {
  index: number;
  total: number;
  article: ArticleSummary | undefined;
  active: boolean;
  /** In the selection (or the active row when nothing is selected). */
  selected: boolean;
  open: boolean;
  style: CSSProperties;
  onPick: (mods: PickModifiers) => void;
  /** The context-menu gesture (right click) on a loaded row: its menu, at the pointer. */
  onMenu: (index: number, article: ArticleSummary, x: number, y: number) => void;
  /** A drag of the row (or of the selection it is in) began. */
  onDragStart: (index: number, article: ArticleSummary, event: DragEvent) => void;
  onDragEnd: () => void;
}

/** One option of the library listbox; a placeholder until its page has arrived. */
export function ArticleRow({
  index,
  total,
  article,
  active,
  selected,
  open,
  style,
  onPick,
  onMenu,
  onDragStart,
  onDragEnd,
}: Props) {
  const className = [
    'library-row',
    active && 'is-active',
    selected && 'is-selected',
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
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-current={open ? 'true' : undefined}
      className={className}
      style={style}
      draggable={article !== undefined}
      onClick={(event) => onPick(event)}
      onContextMenu={(event) => {
        if (!article) return;
        event.preventDefault();
        onMenu(index, article, event.clientX, event.clientY);
      }}
      onDragStart={(event) => {
        if (article) onDragStart(index, article, event);
        else event.preventDefault();
      }}
      onDragEnd={onDragEnd}
    >
      {article ? (
        <>
          <span className="library-row-title">
            {!article.readAt && (
              <span className="unread-dot" title="Unread">
                <span className="sr-only">Unread: </span>
              </span>
            )}
            {titleOrUntitled(article.title)}
          </span>
          <ArticleMeta article={article} className="library-row-meta" />
        </>
      ) : (
        <span className="library-row-title">Loading…</span>
      )}
    </div>
  );
}
