/**
 * An arrival: what the reader does once it shows the article navigation took it to. Navigation
 * holds it as state beside the place; the reader carries it out (useArrival) and reports it done.
 */
export type Arrival =
  /** Back/forward: the scroll offset the place had when it was left. */
  | { kind: 'scroll'; articleId: string; offset: number }
  /**
   * A passage followed or a search hit opened: scroll to this range of the article's canonical
   * text and flash it (the passage's marks when `passageId` names one). Without a range, the
   * reader only takes the focus.
   */
  | {
      kind: 'range';
      articleId: string;
      start?: number | undefined;
      end?: number | undefined;
      passageId?: string | undefined;
    };
