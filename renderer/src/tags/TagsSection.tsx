import { useState } from 'react';
import { TagDot } from './TagDot';
import { TagManagerDialog } from './TagManagerDialog';
import { tagKey } from './tagNames';
import { useTagList } from './useTags';

interface Props {
  filter: string | null;
  onFilter: (tag: string | null) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The library's tags: click one to list only what carries it; manage them in a dialog. */
export function TagsSection({ filter, onFilter }: Props) {
  const { tags } = useTagList();
  const [managing, setManaging] = useState(false);
  const active = filter === null ? null : tagKey(filter);
  return (
    <section className="tags-section" aria-labelledby="tags-heading">
      <div className="pane-heading">
        <h2 id="tags-heading">Tags</h2>
        <button type="button" className="link-button" onClick={() => setManaging(true)}>
          Manage tags…
        </button>
      </div>
      {filter !== null && (
        <p className="filter-chip">
          <span>
            Filtered by: <strong>{filter}</strong>
          </span>
          <button
            type="button"
            className="filter-chip-clear"
            aria-label={`Clear filter: ${filter}`}
            onClick={() => onFilter(null)}
          />
        </p>
      )}
      {tags.length === 0 ? (
        <p className="tags-empty">No tags yet. Tag a passage or an article to see it here.</p>
      ) : (
        <ul className="tag-filter-list">
          {tags.map((tag) => {
            const pressed = tagKey(tag.name) === active;
            return (
              <li key={tag.id}>
                <button
                  type="button"
                  className="tag-filter"
                  aria-pressed={pressed}
                  title={`Lists ${plural(tag.listedArticleCount, 'article', 'articles')} (${plural(tag.articleCount, 'article', 'articles')} and ${plural(tag.count, 'passage', 'passages')} tagged)`}
                  onClick={() => onFilter(pressed ? null : tag.name)}
                >
                  <TagDot color={tag.color} />
                  <span>{tag.name}</span>
                  <span className="tag-count">
                    {tag.listedArticleCount}
                    <span className="sr-only">
                      {' '}
                      {tag.listedArticleCount === 1 ? 'article' : 'articles'}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <TagManagerDialog open={managing} onClose={() => setManaging(false)} />
    </section>
  );
}
