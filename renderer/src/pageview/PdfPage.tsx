import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { memo, useEffect, useRef } from 'react';
import { alignPageText, itemSpansFor, type PageTextMap } from '../../../electron/model/pageText';
import type { Passage } from '../../../electron/model/passages';
import { drawQueue } from './drawQueue';
import { textInParts, whenIdle } from './idleText';
import type { PdfJs } from './pdfjs';

/** A page's share of the canonical text: `text` starts at canonical offset `base`. */
export interface PageSlice {
  base: number;
  text: string;
}

/** What a rendered page tells the view: its text items aligned with the canonical text. */
export interface RenderedPage {
  map: PageTextMap | null;
  /** The text layer's spans, one per text item (same index). */
  spans: readonly HTMLElement[];
}

interface Props {
  pdfjs: PdfJs;
  doc: PDFDocumentProxy;
  /** 1-based page number. */
  number: number;
  /** Its place in the pages' container (CSS pixels from the top). */
  top: number;
  /** The page's size at scale 1 (PDF points). */
  width: number;
  height: number;
  scale: number;
  /** On screen: given a text layer (pages beside the screen are only drawn). */
  visible: boolean;
  slice: PageSlice | null;
  passages: readonly Passage[] | null;
  onRendered: (number: number, page: RenderedPage | null) => void;
}

/** Waits for the browser's idle time (after a frame is drawn, its layout clean); false if cancelled. */
function idle(cancelled: () => boolean): Promise<boolean> {
  return whenIdle(IDLE_TIMEOUT_MS).then(() => !cancelled());
}

/** How long a page's text layer and highlights wait for idle time at most. */
const IDLE_TIMEOUT_MS = 1500;

/** The passages with a part on this page, longer first (a nested one is drawn over its holder). */
function passagesOn(slice: PageSlice, passages: readonly Passage[]): Passage[] {
  const end = slice.base + slice.text.length;
  return passages
    .filter((p) => !p.orphaned && p.end > slice.base && p.start < end)
    .sort((a, b) => b.end - b.start - (a.end - a.start));
}

/**
 * Highlight rectangles of the passages on this page, positioned in the page's box. It reads
 * layout (the text's rectangles), so it runs when layout is clean (idle time), and not at all
 * for a page without passages: reading layout right after the text layer was built forced a
 * layout of the whole reader, the longest of the long frames while scrolling.
 */
function paint(
  layer: HTMLElement,
  page: RenderedPage,
  slice: PageSlice,
  passages: readonly Passage[],
): void {
  const map = page.map;
  const shown = map ? passagesOn(slice, passages) : [];
  if (!map || !shown.length) {
    if (layer.firstChild) layer.replaceChildren();
    return;
  }
  layer.replaceChildren();
  const box = layer.getBoundingClientRect();
  const range = document.createRange();
  for (const passage of shown) {
    for (const span of itemSpansFor(map, passage.start, passage.end)) {
      const node = page.spans[span.item]?.firstChild;
      if (!(node instanceof Text)) continue;
      range.setStart(node, Math.min(span.from, node.length));
      range.setEnd(node, Math.min(span.to, node.length));
      for (const rect of range.getClientRects()) {
        if (rect.width < 0.5 || rect.height < 0.5) continue;
        const div = document.createElement('div');
        div.className = `pv-hl pv-hl-${passage.color}`;
        div.dataset['passageId'] = passage.id;
        div.style.left = `${rect.left - box.left}px`;
        div.style.top = `${rect.top - box.top}px`;
        div.style.width = `${rect.width}px`;
        div.style.height = `${rect.height}px`;
        layer.append(div);
      }
    }
  }
}

/**
 * One printed page, in the DOM only while near the viewport: its canvas, then (once on screen)
 * its text layer (selectable, transparent text over the picture) and the passages painted on it.
 * Leaving the DOM frees the canvas and the text.
 */
function PdfPageView({
  pdfjs,
  doc,
  number,
  top,
  width,
  height,
  scale,
  visible,
  slice,
  passages,
  onRendered,
}: Props) {
  const canvasHost = useRef<HTMLDivElement>(null);
  const textHost = useRef<HTMLDivElement>(null);
  const marks = useRef<HTMLDivElement>(null);
  const rendered = useRef<RenderedPage | null>(null);
  const latest = useRef({ slice, passages });
  latest.current = { slice, passages };
  // The text layer waits until the page is on screen: pages beside it only need their picture.
  const onScreen = useRef<{ visible: boolean; wake: (() => void) | null }>({
    visible,
    wake: null,
  });
  useEffect(() => {
    onScreen.current.visible = visible;
    if (visible) onScreen.current.wake?.();
  }, [visible]);

  useEffect(() => {
    const canvasEl = canvasHost.current;
    const textEl = textHost.current;
    const marksEl = marks.current;
    if (!canvasEl || !textEl || !marksEl) return;
    const screen = onScreen.current;
    let cancelled = false;
    const isCancelled = () => cancelled;
    let task: RenderTask | null = null;
    let textLayer: InstanceType<PdfJs['TextLayer']> | null = null;
    let pdfPage: PDFPageProxy | null = null;
    let canvas: HTMLCanvasElement | null = null;
    const run = async () => {
      // One page drawn at a time, those on screen first (drawQueue.ts).
      const release = await drawQueue.turn(() => screen.visible, isCancelled);
      if (!release) return;
      try {
        pdfPage = await doc.getPage(number);
        if (cancelled) return;
        const viewport = pdfPage.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.setAttribute('aria-hidden', 'true');
        task = pdfPage.render({
          canvas,
          viewport,
          ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}),
        });
        await task.promise;
      } finally {
        release();
      }
      if (cancelled) return;
      canvasEl.replaceChildren(canvas);
      const viewport = pdfPage.getViewport({ scale });
      if (!screen.visible) await new Promise<void>((resolve) => (screen.wake = resolve));
      screen.wake = null;
      // The text layer (many spans), its alignment and the highlights come in idle time, each
      // step after a frame: the picture is what scrolling shows first.
      if (!(await idle(isCancelled))) return;
      const host = textEl;
      const content = await pdfPage.getTextContent();
      if (cancelled) return;
      host.replaceChildren();
      textLayer = new pdfjs.TextLayer({
        // Built a part at a time, each part in idle time (idleText.ts).
        textContentSource: textInParts(content, () => whenIdle(IDLE_TIMEOUT_MS)),
        container: host,
        viewport,
      });
      await textLayer.render();
      if (cancelled) return;
      const spans = textLayer.textDivs;
      const current = latest.current.slice;
      const map = current
        ? alignPageText(textLayer.textContentItemsStr, current.text, current.base)
        : null;
      rendered.current = { map, spans };
      host.dataset['ready'] = 'true';
      onRendered(number, rendered.current);
      if (!(await idle(isCancelled))) return;
      const { slice: now, passages } = latest.current;
      if (now && passages) paint(marksEl, rendered.current, now, passages);
    };
    run().catch((error: unknown) => {
      // A cancelled render (scrolled away, zoomed) is expected; anything else leaves the page blank.
      if (!cancelled) console.warn(`page ${number}:`, error);
    });
    return () => {
      cancelled = true;
      screen.wake?.();
      task?.cancel();
      textLayer?.cancel();
      rendered.current = null;
      onRendered(number, null);
      // Far from view: give the canvas and the text back. A zero-sized canvas frees its pixels
      // (megabytes a page) now rather than at the next garbage collection, which they provoked.
      if (canvas) canvas.width = canvas.height = 0;
      canvasEl.replaceChildren();
      textEl.replaceChildren();
      delete textEl.dataset['ready'];
      marksEl.replaceChildren();
      pdfPage?.cleanup();
    };
  }, [pdfjs, doc, number, scale, onRendered]);

  // New or changed passages repaint without drawing the page again.
  useEffect(() => {
    const page = rendered.current;
    if (page && marks.current && slice && passages) paint(marks.current, page, slice, passages);
  }, [slice, passages]);

  return (
    <div
      className="pv-page"
      data-page-number={number}
      role="group"
      aria-label={`Page ${number}`}
      style={{
        top: `${top}px`,
        left: `calc(50% - ${(width * scale) / 2}px)`,
        width: `${width * scale}px`,
        height: `${height * scale}px`,
        ['--total-scale-factor' as string]: String(scale),
      }}
    >
      <div className="pv-canvas" ref={canvasHost} />
      <div className="pv-marks" ref={marks} />
      <div className="textLayer pv-text" ref={textHost} />
    </div>
  );
}

export const PdfPage = memo(PdfPageView);
