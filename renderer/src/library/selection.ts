/**
 * The library list's selection, as a file manager's: some articles by id, or Select all (the whole
 * listing, by its query) less the ones unselected since. Never a row per article of a long list:
 * Select all over 100,000 articles is one flag, and the bulk call resolves it in the core.
 */
import type { ArticleSelection, ListQuery } from '../../../electron/model/library';

export interface Selection {
  /** Everything the list shows is selected, except `ids`; otherwise exactly `ids` are. */
  readonly all: boolean;
  readonly ids: ReadonlySet<string>;
}

export const NO_SELECTION: Selection = { all: false, ids: new Set() };
export const ALL_SELECTED: Selection = { all: true, ids: new Set() };

export const onlyIds = (ids: Iterable<string>): Selection => ({ all: false, ids: new Set(ids) });

export const isEmpty = (s: Selection): boolean => !s.all && s.ids.size === 0;

export const isSelected = (s: Selection, id: string): boolean => s.all !== s.ids.has(id);

/** How many articles are selected, of a list of `total`. */
export const selectedCount = (s: Selection, total: number): number =>
  s.all ? Math.max(0, total - s.ids.size) : s.ids.size;

/** Ctrl/Cmd+click: the article in or out of the selection. */
export function toggled(s: Selection, id: string): Selection {
  const ids = new Set(s.ids);
  if (!ids.delete(id)) ids.add(id);
  return { all: s.all, ids };
}

/** Shift+click or Shift+arrow: these articles added to the selection. */
export function withIds(s: Selection, add: Iterable<string>): Selection {
  const ids = new Set(s.ids);
  for (const id of add) {
    if (s.all) ids.delete(id);
    else ids.add(id);
  }
  return { all: s.all, ids };
}

/** The bulk call's selection (null: nothing selected). */
export function selectionInput(s: Selection, query: ListQuery): ArticleSelection | null {
  if (s.all) return { kind: 'query', query, except: [...s.ids] };
  return s.ids.size ? { kind: 'ids', ids: [...s.ids] } : null;
}
