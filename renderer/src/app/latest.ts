/**
 * The renderer's one stale-answer guard. Answers can come back out of order, and a change can
 * make an answer on its way out of date: an answer is used only while no newer call (or change)
 * superseded the call it answers.
 */
export class Latest {
  private generation = 0;

  /** A call that supersedes every earlier one; the test says whether it is still the latest. */
  next(): () => boolean {
    const mine = ++this.generation;
    return () => mine === this.generation;
  }

  /** A call beside others of the current generation (pages of one list), superseding none. */
  join(): () => boolean {
    const mine = this.generation;
    return () => mine === this.generation;
  }
}
