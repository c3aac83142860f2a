import { useState } from 'react';
import type { Article } from '../../../electron/model/articles';
import { invoke } from '../api/client';
import { useReportError } from '../app/toasterContext';
import { sameTags } from './tagNames';
import { TagInput } from './TagInput';

/** Tags of the whole article, in the reader's header. Shown at once; the library has the last word. */
export function ArticleTags({ article }: { article: Article }) {
  const reportError = useReportError();
  const [pending, setPending] = useState<string[] | null>(null);
  const [seen, setSeen] = useState(article.tags);
  if (seen !== article.tags) {
    setSeen(article.tags);
    setPending(null);
  }
  const tags = pending ?? article.tags;

  const change = (next: string[]) => {
    if (sameTags(next, tags) && next.length === tags.length) return;
    setPending(next);
    invoke('articles.setTags', { id: article.id, tags: next }).then(
      (saved) => setPending(saved.tags),
      (error: unknown) => {
        setPending(null);
        reportError(error);
      },
    );
  };

  return <TagInput label="Article tags" tags={tags} onChange={change} className="article-tags" />;
}
