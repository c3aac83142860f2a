/**
 * Back/forward history of what the window shows: the article in the reader (and the passage
 * navigated to in it) and the note beside it. Pure data, so it is tested without a DOM;
 * `useNavigation` drives it.
 */

/** A range of the article's canonical text (a passage) that navigation scrolled to. */
export interface Spot {
  start: number;
  end: number;
}

export interface Place {
  articleId: string | null;
  noteId: string | null;
  /** The passage navigated to in the article, so going from one passage to another of the same article is a step. */
  spot?: Spot | null;
}

export type PlaceTarget =
  | { kind: 'article'; id: string }
  /** Opens the passage's article, scrolls to the passage and flashes it. */
  | { kind: 'passage'; id: string; articleId: string; start: number; end: number }
  /** Opens the note beside the reader (split view). */
  | { kind: 'note'; id: string }
  | { kind: 'close-note' };

export const NOWHERE: Place = { articleId: null, noteId: null };

/** The place a navigation target leads to from `here`. */
export function nextPlace(here: Place, target: PlaceTarget): Place {
  switch (target.kind) {
    case 'article':
      // The open article again is no step; another one drops the spot, which belonged to this one.
      return here.articleId === target.id ? here : { ...here, articleId: target.id, spot: null };
    case 'passage':
      return {
        ...here,
        articleId: target.articleId,
        spot: { start: target.start, end: target.end },
      };
    case 'note':
      return { ...here, noteId: target.id };
    case 'close-note':
      return { ...here, noteId: null };
  }
}
const LIMIT = 200;

interface Entry {
  place: Place;
  /** The reader's scroll offset when this place was left, restored on coming back. */
  scroll: number | null;
}

function sameSpot(a: Spot | null | undefined, b: Spot | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.start === b.start && a.end === b.end;
}

export function samePlace(a: Place, b: Place): boolean {
  return a.articleId === b.articleId && a.noteId === b.noteId && sameSpot(a.spot, b.spot);
}

export class PlaceHistory {
  private entries: Entry[];
  private index = 0;

  constructor(initial: Place = NOWHERE) {
    this.entries = [{ place: initial, scroll: null }];
  }

  private get entry(): Entry {
    return this.entries[this.index]!;
  }
  get current(): Place {
    return this.entry.place;
  }
  /** Where the reader was scrolled when the current place was last left (null: never left, or unknown). */
  get scroll(): number | null {
    return this.entry.scroll;
  }
  get canGoBack(): boolean {
    return this.index > 0;
  }
  get canGoForward(): boolean {
    return this.index < this.entries.length - 1;
  }

  /** Records the reader's scroll offset at the current place, just before leaving it. */
  rememberScroll(offset: number | null): void {
    this.entry.scroll = offset;
  }

  /** Goes somewhere new: forward history is dropped, as in a browser. Same place: no new step. */
  push(place: Place): Place {
    if (samePlace(this.current, place)) return this.current;
    this.entries = [...this.entries.slice(0, this.index + 1), { place, scroll: null }].slice(
      -LIMIT,
    );
    this.index = this.entries.length - 1;
    return place;
  }

  back(): Place {
    if (this.canGoBack) this.index--;
    return this.current;
  }

  forward(): Place {
    if (this.canGoForward) this.index++;
    return this.current;
  }
}
