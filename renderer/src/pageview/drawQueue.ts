/**
 * Pages are drawn one at a time, the ones on screen first. pdf.js draws a page on the main
 * thread in slices of up to 15 ms, one slice per animation frame per page being drawn: with the
 * pages beside the screen drawn at once, two or three slices landed in the same frame while
 * scrolling, and that frame was long. A page waits for its turn here, and gives it back when its
 * picture is done (or it was cancelled).
 */

interface Waiter {
  /** On screen now: goes before the pages beside it (asked when a turn comes, not when queued). */
  urgent: () => boolean;
  /** Gone (scrolled away, zoomed): dropped from the queue without a turn. */
  cancelled: () => boolean;
  start: (release: (() => void) | null) => void;
}

export class DrawQueue {
  private readonly waiting: Waiter[] = [];
  private busy = false;

  /**
   * Resolves with the function that gives the turn back, once it is this page's turn; with null
   * if the page was cancelled while waiting.
   */
  turn(urgent: () => boolean, cancelled: () => boolean): Promise<(() => void) | null> {
    return new Promise((start) => {
      this.waiting.push({ urgent, cancelled, start });
      this.next();
    });
  }

  /** Pages waiting (for tests and the bench). */
  get size(): number {
    return this.waiting.length;
  }

  private next(): void {
    for (let i = this.waiting.length - 1; i >= 0; i--)
      if (this.waiting[i]!.cancelled()) this.waiting.splice(i, 1)[0]!.start(null);
    if (this.busy || !this.waiting.length) return;
    const first = Math.max(
      0,
      this.waiting.findIndex((w) => w.urgent()),
    );
    const [waiter] = this.waiting.splice(first, 1);
    this.busy = true;
    let released = false;
    waiter!.start(() => {
      if (released) return;
      released = true;
      this.busy = false;
      this.next();
    });
  }
}

/** The page view's queue: one for the app, since every page view shares the main thread. */
export const drawQueue = new DrawQueue();
