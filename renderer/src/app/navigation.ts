/**
 * Where the window is: the article in the reader (and the passage gone to in it) and the note
 * beside it, with back/forward (Alt+←/→, the mouse's back/forward buttons, the header's buttons).
 * Any component navigates through `useNav()`. Leaving a place remembers the reader's scroll
 * offset; coming back restores it, as a browser does.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { jumpToHit } from '../search/jumpToHit';
import { flashPassageMarks, readerScrollOffset, restoreReaderScroll } from '../links/readerArrival';
import { nextPlace, PlaceHistory, type Place, type PlaceTarget } from './placeHistory';
import { isTextField } from './keys';

/** Where `go` can take the window (see placeHistory.ts). */
export type NavTarget = PlaceTarget;

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

/** On arriving at a place by back/forward: the remembered scroll offset, else the passage it went to. */
function arrive(place: Place, scroll: number | null): void {
  if (place.articleId === null) return;
  if (scroll !== null) restoreReaderScroll(place.articleId, scroll);
  else if (place.spot)
    jumpToHit({ articleId: place.articleId, start: place.spot.start, end: place.spot.end });
}

export function useNavigation(initial?: Place): Navigation {
  const history = useRef<PlaceHistory | null>(null);
  history.current ??= new PlaceHistory(initial);
  const [place, setPlace] = useState(history.current.current);

  const leave = useCallback(
    (h: PlaceHistory) => h.rememberScroll(readerScrollOffset(h.current.articleId)),
    [],
  );
  const go = useCallback(
    (target: NavTarget) => {
      const h = history.current!;
      leave(h);
      setPlace(h.push(nextPlace(h.current, target)));
      if (target.kind === 'passage') {
        jumpToHit({ articleId: target.articleId, start: target.start, end: target.end });
        flashPassageMarks(target.articleId, target.id);
      }
    },
    [leave],
  );
  const move = useCallback(
    (step: (h: PlaceHistory) => Place) => {
      const h = history.current!;
      leave(h);
      const here = h.current;
      const there = step(h);
      if (there === here) return;
      setPlace(there);
      arrive(there, h.scroll);
    },
    [leave],
  );
  const back = useCallback(() => move((h) => h.back()), [move]);
  const forward = useCallback(() => move((h) => h.forward()), [move]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        !event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        event.shiftKey
      )
        return;
      // In text (a note, a field) Alt+arrows move the caret by word on macOS: leave them to it.
      if (isTextField(event.target)) return;
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
