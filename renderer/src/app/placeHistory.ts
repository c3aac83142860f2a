/**
 * Back/forward history of what the window shows: the article in the reader and the note beside
 * it. Pure data, so it is tested without a DOM; `useNavigation` drives it.
 */
export interface Place {
  articleId: string | null;
  noteId: string | null;
}

export const NOWHERE: Place = { articleId: null, noteId: null };
const LIMIT = 200;

export class PlaceHistory {
  private entries: Place[];
  private index = 0;

  constructor(initial: Place = NOWHERE) {
    this.entries = [initial];
  }

  get current(): Place {
    return this.entries[this.index]!;
  }
  get canGoBack(): boolean {
    return this.index > 0;
  }
  get canGoForward(): boolean {
    return this.index < this.entries.length - 1;
  }

  /** Goes somewhere new: forward history is dropped, as in a browser. Same place: no new step. */
  push(place: Place): Place {
    const here = this.current;
    if (here.articleId === place.articleId && here.noteId === place.noteId) return here;
    this.entries = [...this.entries.slice(0, this.index + 1), place].slice(-LIMIT);
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
