/** How the library list is shown: its order, the typed filter, read state and collection. */
import type { Input } from '../../../electron/api/contract';
import {
  DEFAULT_DIRECTION,
  type ArticleSort,
  type ReadFilter,
  type SortDirection,
} from '../../../electron/model/library';

export interface ListView {
  sort: ArticleSort;
  direction: SortDirection;
  filter: string;
  read: ReadFilter | 'all';
  /** A collection's name; null: every article. */
  collection: string | null;
}

export const DEFAULT_VIEW: ListView = {
  sort: 'added',
  direction: DEFAULT_DIRECTION.added,
  filter: '',
  read: 'all',
  collection: null,
};

export const SORT_LABELS: Readonly<Record<ArticleSort, string>> = {
  added: 'Date added',
  published: 'Date published',
  title: 'Title',
  author: 'Author',
  lastRead: 'Last read',
};

/** The list call's input for a view (and a tag filter). */
export function listInput(
  view: ListView,
  tag: string | null,
): Omit<Input<'articles.list'>, 'offset' | 'limit'> {
  return {
    sort: view.sort,
    direction: view.direction,
    ...(tag === null ? {} : { tag }),
    ...(view.collection === null ? {} : { collection: view.collection }),
    ...(view.filter.trim() ? { filter: view.filter.trim() } : {}),
    ...(view.read === 'all' ? {} : { read: view.read }),
  };
}

/** Whether the view narrows the list (an empty list then means "nothing matches"). */
export function isNarrowed(view: ListView): boolean {
  return view.filter.trim() !== '' || view.read !== 'all' || view.collection !== null;
}
