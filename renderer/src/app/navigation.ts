/**
 * Where the window is: the article in the reader (and the passage gone to in it) and the note
 * beside it, with back/forward (Alt+←/→, the mouse's back/forward buttons, the header's buttons).
 * Any component navigates through `useNav()`. Leaving a place remembers the reader's scroll
 * offset; coming back restores it, as a browser does. What the reader should do on arriving
 * (scroll, flash a passage) is state here too, an `Arrival` the reader carries out and clears.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Arrival } from '../reader/arrival';
import { readerScrollOffset } from '../reader/readerDom';
import { nextPlace, PlaceHistory, type Place, type PlaceTarget } from './placeHistory';
import { isTextField } from './keys';
import { useShortcut } from './useShortcut';

/** Where `go` can take the window (see placeHistory.ts). */
export type NavTarget = PlaceTarget;

export interface Navigation {
  place: Place;
  /** What the reader is to do once it shows `arrival.articleId`; null when nothing is pending. */
  arrival: Arrival | null;
  go(target: NavTarget): void;
  /** Takes the reader to a range of the article it shows or is opening (a search hit). */
  arriveAt(arrival: Arrival): void;
  /** The reader carried out `arrival` (or gave up on it). */
  arrived(arrival: Arrival): void;
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
function arrivalAt(place: Place, scroll: number | null): Arrival | null {
  if (place.articleId === null) return null;
  if (scroll !== null) return { kind: 'scroll', articleId: place.articleId, offset: scroll };
  if (place.spot)
    return {
      kind: 'range',
      articleId: place.articleId,
      start: place.spot.start,
      end: place.spot.end,
    };
  return null;
}

export function useNavigation(initial?: Place): Navigation {
  const history = useRef<PlaceHistory | null>(null);
  history.current ??= new PlaceHistory(initial);
  const [place, setPlace] = useState(history.current.current);
  const [arrival, setArrival] = useState<Arrival | null>(null);

  const leave = useCallback(
    (h: PlaceHistory) => h.rememberScroll(readerScrollOffset(h.current.articleId)),
    [],
  );
  const go = useCallback(
    (target: NavTarget) => {
      const h = history.current!;
      leave(h);
      setPlace(h.push(nextPlace(h.current, target)));
      // Another article (or passage) replaces what the reader was still to do; a note doesn't.
      if (target.kind === 'passage') {
        const { articleId, start, end, id: passageId } = target;
        setArrival({ kind: 'range', articleId, start, end, passageId });
      } else if (target.kind === 'article') setArrival(null);
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
      setArrival(arrivalAt(there, h.scroll));
    },
    [leave],
  );
  const arriveAt = useCallback((next: Arrival) => setArrival(next), []);
  const arrived = useCallback(
    (done: Arrival) => setArrival((pending) => (pending === done ? null : pending)),
    [],
  );
  const back = useCallback(() => move((h) => h.back()), [move]);
  const forward = useCallback(() => move((h) => h.forward()), [move]);

  useShortcut(['back', 'forward'], (event, id) => {
    // In text (a note, a field) Alt+arrows move the caret by word on macOS: leave them to it.
    if (isTextField(event.target)) return false;
    if (id === 'back') back();
    else forward();
  });
  useEffect(() => {
    // Mouse buttons 3 and 4 are back and forward; mouseup, because browsers act on it.
    const onMouseUp = (event: MouseEvent) => {
      if (event.button === 3) back();
      else if (event.button === 4) forward();
      else return;
      event.preventDefault();
    };
    window.addEventListener('mouseup', onMouseUp);
    return () => window.removeEventListener('mouseup', onMouseUp);
  }, [back, forward]);

  const h = history.current;
  return {
    place,
    arrival,
    go,
    arriveAt,
    arrived,
    back,
    forward,
    canGoBack: h.canGoBack,
    canGoForward: h.canGoForward,
  };
}
