/**
 * The library list's selection as a file manager keeps it: a click selects one row (and opens
 * it), Ctrl/Cmd+click toggles a row, Shift+click and Shift+arrows select from the anchor row by
 * index in the listing (rows not fetched yet included, through `articles.ids`), Ctrl/Cmd+A
 * selects the whole listing by its query, Escape clears. With nothing selected, the active row is
 * what actions act on.
 */
import { useCallback, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import { MAX_BATCH_IDS, type ListQuery } from '../../../electron/model/library';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import type { Page, PageStore } from '../app/pageStore';
import type { PickModifiers } from '../ui/VirtualListbox';
import {
  ALL_SELECTED,
  isEmpty,
  isSelected,
  NO_SELECTION,
  onlyIds,
  selectedCount,
  selectionInput,
  toggled,
  withIds,
  type Selection,
} from './selection';
import { articlesTarget, countedArticles, type Target } from './useLibraryActions';

interface Options {
  pages: PageStore<Page<ArticleSummary>>;
  query: ListQuery;
  activeIndex: number;
}

export function useListSelection({ pages, query, activeIndex }: Options) {
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [shownPages, setShownPages] = useState(pages);
  const anchor = useRef(-1);
  // A range's ids may arrive after a newer click: only the latest applies.
  const latest = useRef(0);
  const reportError = useReportError();
  const { show } = useToaster();
  if (shownPages !== pages) {
    // Another list (a filter, an order): nothing of the old one stays selected.
    setShownPages(pages);
    setSelection(NO_SELECTION);
    anchor.current = -1;
  }
  const total = pages.total ?? 0;
  const explicit = !isEmpty(selection);
  const activeArticle = activeIndex >= 0 ? pages.item(activeIndex) : undefined;

  /** The selection as it stands, the active row counting as selected when nothing else is. */
  const current = (): Selection =>
    explicit ? selection : activeArticle ? onlyIds([activeArticle.id]) : NO_SELECTION;

  const rangeIds = async (a: number, b: number): Promise<string[] | null> => {
    const lo = Math.min(a, b);
    const n = Math.abs(a - b) + 1;
    const loaded: string[] = [];
    for (let i = lo; i < lo + n; i++) {
      const item = pages.item(i);
      if (!item) break;
      loaded.push(item.id);
    }
    if (loaded.length === n) return loaded;
    if (n > MAX_BATCH_IDS) {
      show(
        'error',
        `A range holds at most ${countedArticles(MAX_BATCH_IDS)}: select all (Ctrl+A) instead`,
      );
      return null;
    }
    return invoke('articles.ids', { ...query, offset: lo, limit: n });
  };

  /** From the anchor to `to`: the selection alone, or added to `base`. */
  const selectRange = (from: number, to: number, base: Selection) => {
    const mine = ++latest.current;
    rangeIds(from, to)
      .then((ids) => {
        if (ids && latest.current === mine) setSelection(withIds(base, ids));
      })
      .catch(reportError);
  };

  const onPickRow = (index: number, mods: PickModifiers): boolean => {
    const article = pages.item(index);
    if (mods.shiftKey) {
      const from = anchor.current >= 0 ? anchor.current : activeIndex >= 0 ? activeIndex : index;
      anchor.current = from;
      selectRange(from, index, mods.ctrlKey || mods.metaKey ? current() : NO_SELECTION);
      return true;
    }
    latest.current++;
    anchor.current = index;
    if (mods.ctrlKey || mods.metaKey) {
      if (article) setSelection(toggled(current(), article.id));
      return true;
    }
    setSelection(NO_SELECTION);
    return false;
  };

  const onMove = (from: number, to: number, extend: boolean) => {
    if (!extend) {
      latest.current++;
      anchor.current = to;
      setSelection(NO_SELECTION);
      return;
    }
    if (anchor.current < 0) anchor.current = from >= 0 ? from : to;
    selectRange(anchor.current, to, NO_SELECTION);
  };

  const clear = useCallback(() => {
    latest.current++;
    setSelection(NO_SELECTION);
  }, []);
  const selectAll = () => {
    latest.current++;
    setSelection(ALL_SELECTED);
  };

  /** Whether a row shows as selected (a row not fetched yet: when all are). */
  const rowSelected = (index: number, article: ArticleSummary | undefined): boolean =>
    explicit
      ? article
        ? isSelected(selection, article.id)
        : selection.all
      : index === activeIndex && article !== undefined;

  /** What an action acts on: the selection, or the active row; null when neither. */
  const target = (): Target | null => {
    if (!explicit) return activeArticle ? articlesTarget([activeArticle]) : null;
    const input = selectionInput(selection, query);
    if (!input) return null;
    const count = selectedCount(selection, total);
    const only = !selection.all && count === 1 ? [...selection.ids][0] : undefined;
    const one = only === undefined ? undefined : pages.item(pages.findIndex((a) => a.id === only));
    return one ? articlesTarget([one]) : { selection: input, what: countedArticles(count), count };
  };

  /** The selected ids themselves (Export takes ids): fetched for Select all, up to the cap. */
  const ids = async (): Promise<string[] | null> => {
    if (!explicit) return activeArticle ? [activeArticle.id] : null;
    if (!selection.all) return [...selection.ids];
    if (total > MAX_BATCH_IDS) {
      show(
        'error',
        `Export takes at most ${countedArticles(MAX_BATCH_IDS)} selected: narrow the list first`,
      );
      return null;
    }
    const listed = await invoke('articles.ids', { ...query, offset: 0, limit: MAX_BATCH_IDS });
    return listed.filter((id) => !selection.ids.has(id));
  };

  return {
    selection,
    ids,
    /** Rows the user picked (not just the active row). */
    explicit,
    count: explicit ? selectedCount(selection, total) : 0,
    onPickRow,
    onMove,
    clear,
    selectAll,
    rowSelected,
    target,
  };
}
