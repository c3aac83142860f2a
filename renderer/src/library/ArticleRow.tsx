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
  /** The context-menu gesture (right click) on a loaded row: edit its details. */
  onDetails: (article: ArticleSummary) => void;
}

/** One option of the library listbox; a placeholder until its page has arrived. */
export function ArticleRow({
  index,
  total,
  article,
  active,
  open,
  style,
  onPick,
  onDetails,
}: Props) {
  const className = [
    'library-row',
    active && 'is-active',
    open && 'is-open',
    !article && 'is-loading',
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
        onDetails(article);
      }}
    >
      {article ? (
        <>
          <span className="library-row-title">{article.title || 'Untitled'}</span>
          <ArticleMeta article={article} className="library-row-meta" />
        </>
      ) : (
        <span className="library-row-title">Loading…</span>
      )}
    </div>
  );
}
