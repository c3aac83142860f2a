/**
 * Where the window is: the article in the reader and the note beside it, with back/forward
 * (Alt+←/→ and the mouse's back/forward buttons). Any component navigates through `useNav()`.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { jumpToHit } from '../search/jumpToHit';
import { PlaceHistory, type Place } from './placeHistory';

export type NavTarget =
  | { kind: 'article'; id: string }
  /** Opens the passage's article, scrolls to the passage and flashes it. */
  | { kind: 'passage'; id: string; articleId: string; start: number; end: number }
  /** Opens the note beside the reader (split view). */
  | { kind: 'note'; id: string }
  | { kind: 'close-note' };

export interface Navigation {
  place: Place;
  go(target: NavTarget): void;
  back(): void;
  forward(): void;
  canGoBack: boolean;
  canGoForward: boolean;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNav(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNav outside NavigationContext');
  return nav;
}

function nextPlace(here: Place, target: NavTarget): Place {
  switch (target.kind) {
    case 'article':
      return { ...here, articleId: target.id };
    case 'passage':
      return { ...here, articleId: target.articleId };
    case 'note':
      return { ...here, noteId: target.id };
    case 'close-note':
      return { ...here, noteId: null };
  }
}

export function useNavigation(initial?: Place): Navigation {
  const history = useRef<PlaceHistory | null>(null);
  history.current ??= new PlaceHistory(initial);
  const [place, setPlace] = useState(history.current.current);

  const go = useCallback((target: NavTarget) => {
    setPlace(history.current!.push(nextPlace(history.current!.current, target)));
    if (target.kind === 'passage') jumpToHit({ articleId: target.articleId, start: target.start, end: target.end });
  }, []);
  const back = useCallback(() => setPlace(history.current!.back()), []);
  const forward = useCallback(() => setPlace(history.current!.forward()), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'ArrowLeft') back();
      else if (event.key === 'ArrowRight') forward();
      else return;
      event.preventDefault();
    };
    // Mouse buttons 3 and 4 are back and forward; mouseup, because browsers act on it.
    const onMouseUp = (event: MouseEvent) => {
      if (event.button === 3) back();
      else if (event.button === 4) forward();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, [back, forward]);

  const h = history.current;
  return { place, go, back, forward, canGoBack: h.canGoBack, canGoForward: h.canGoForward };
}
