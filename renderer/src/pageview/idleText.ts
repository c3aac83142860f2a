/**
 * A page's text handed to pdf.js's TextLayer in parts, each in idle time. TextLayer builds the
 * spans for one part per read of its source stream (a span per text item, each measured on a
 * canvas); all at once, a page's text layer was one of the long tasks while scrolling.
 */
import type { PDFPageProxy } from 'pdfjs-dist';

type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

/** Text items per part: a few milliseconds of TextLayer's work on a loaded machine. */
export const ITEMS_PER_PART = 50;

/** Waits for idle time, with a deadline (idle time may not come while the user scrolls). */
export function whenIdle(timeout: number): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout }));
}

/** `content` as a stream of parts of `per` items, each part given out after `wait()`. */
export function textInParts(
  content: TextContent,
  wait: () => Promise<void>,
  per = ITEMS_PER_PART,
): ReadableStream<TextContent> {
  let at = 0;
  let stopped = false;
  return new ReadableStream<TextContent>(
    {
      async pull(controller) {
        await wait();
        if (stopped) return;
        const items = content.items.slice(at, at + per);
        // The styles and language go with the first part (TextLayer keeps them).
        controller.enqueue({
          items,
          styles: at === 0 ? content.styles : {},
          lang: content.lang,
        });
        at += per;
        if (at >= content.items.length) controller.close();
      },
      cancel() {
        stopped = true;
      },
    },
    // One part ahead at most: the next is asked for once TextLayer has taken this one.
    { highWaterMark: 0 },
  );
}
