import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { Article } from '../../../electron/model/articles';
import { pdfPageNumbers } from '../../../electron/model/pages';
import type { Passage } from '../../../electron/model/passages';
import { invoke } from '../api/client';
import { isTextField } from '../app/keys';
import { matchesShortcut, type ShortcutId } from '../app/shortcuts';
import { base64ToBytes } from '../export/download';
import type { MarkTarget } from '../passages/MarkEventsPlugin';
import type { ReaderSelection } from '../passages/ReaderSelectionPlugin';
import { followSelectionGestures, userRange } from '../passages/selectionGesture';
import { pageSelectionRange } from './pageSelection';
import { PdfPage, type PageSlice, type RenderedPage } from './PdfPage';
import { measurePages, openPdf, type OpenedPdf } from './pdfjs';
import { pageLayout, pageSpan, type PageLayout } from './pageLayout';

/** CSS pixels per PDF point at 100 % (a point is 1/72 in, a CSS pixel 1/96 in). */
const CSS_PER_POINT = 96 / 72;
const ZOOM_STEPS = [0.25, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const PAGE_GAP = 12;
const SIDE_PADDING = 16;
/** Space above the first page. */
const TOP_PADDING = 12;

type Zoom = { kind: 'fit' } | { kind: 'fixed'; zoom: number };

/** What the reader asks of the page view (switching views, the sidebar's jumps). */
export interface PageViewHandle {
  /** Shows the page holding this canonical offset. */
  showOffset: (offset: number) => void;
}

interface Props {
  article: Article;
  passages: readonly Passage[] | null;
  /** The scrolling region the pages are laid out in (the reader's article element). */
  scrollRoot: RefObject<HTMLElement | null>;
  /** The canonical offset to open at (the place the text view was showing). */
  startOffset: number;
  handle: RefObject<PageViewHandle | null>;
  /** The canonical offset where the page at the top starts, whenever that page changes. */
  onPlace: (offset: number) => void;
  onSelection: (selection: ReaderSelection | null) => void;
  onMarkActivate: (target: MarkTarget) => void;
  /** Back to the reflowed text (the toolbar stays in view, unlike the reader's header). */
  onTextView: () => void;
}

type Loaded = Pick<OpenedPdf, 'pdfjs' | 'doc' | 'labels' | 'sizes'>;

/** The pages in the DOM (drawn) and those on screen (given a text layer), 1-based, inclusive. */
interface Shown {
  first: number;
  last: number;
  visibleFirst: number;
  visibleLast: number;
}

/**
 * The article's original PDF as printed, beside the reflowed text: pages drawn by pdf.js only
 * near the viewport, with a text layer to select from and the passages painted on them.
 */
export function PageView({
  article,
  passages,
  scrollRoot,
  startOffset,
  handle,
  onPlace,
  onSelection,
  onMarkActivate,
  onTextView,
}: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fit' });
  const [rootWidth, setRootWidth] = useState(0);
  const [shown, setShown] = useState<Shown>({ first: 1, last: 2, visibleFirst: 1, visibleLast: 1 });
  const [current, setCurrentState] = useState(1);
  // The same, for effects that run before the state's next render (zooming right after a jump).
  const currentRef = useRef(1);
  const setCurrent = useCallback((n: number) => {
    currentRef.current = n;
    setCurrentState(n);
  }, []);
  const [pageField, setPageField] = useState<string | null>(null);
  const [unmapped, setUnmapped] = useState(false);
  const pagesRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const rendered = useRef(new Map<number, RenderedPage>());

  // The original's bytes come through the API (validated id); pdf.js reads them in its worker.
  // The document stays open after the view closes (pdfjs.ts), so toggling back is quick.
  const docKey = `${article.id}:${article.hash}:${article.original.size}`;
  useEffect(() => {
    let cancelled = false;
    openPdf(docKey, async () =>
      base64ToBytes((await invoke('articles.original', { id: article.id })).dataBase64),
    ).then(
      (opened) => {
        if (cancelled) return;
        setLoaded({ ...opened });
        // The other pages' sizes once the first pages are up, when the machine is idle.
        requestIdleCallback(
          () =>
            void measurePages(opened, () => cancelled).then((sizes) => {
              if (!cancelled && sizes)
                setLoaded((l) => (l && l.doc === opened.doc ? { ...l, sizes } : l));
            }),
          { timeout: 3000 },
        );
      },
      (e: unknown) => {
        if (!cancelled)
          setError(
            `The original PDF could not be shown: ${e instanceof Error ? e.message : String(e)}`,
          );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [docKey, article.id]);

  // Which PDF page each page start of the canonical text is on, and each page's share of it.
  const slices = useMemo(() => {
    const out = new Map<number, PageSlice>();
    const starts = article.pages ?? [];
    if (!loaded || !starts.length) return { byPage: out, numbers: [] as number[] };
    const numbers = pdfPageNumbers(starts, loaded.labels, loaded.doc.numPages);
    starts.forEach((start, k) => {
      const end = starts[k + 1]?.start ?? article.text.length;
      if (!out.has(numbers[k]!))
        out.set(numbers[k]!, { base: start.start, text: article.text.slice(start.start, end) });
    });
    return { byPage: out, numbers };
  }, [loaded, article.pages, article.text]);

  const maxWidth = useMemo(
    () => (loaded ? Math.max(...loaded.sizes.map((s) => s.width)) : 0),
    [loaded],
  );
  const scale =
    zoom.kind === 'fixed'
      ? zoom.zoom * CSS_PER_POINT
      : maxWidth > 0 && rootWidth > 0
        ? Math.max(0.25, (rootWidth - 2 * SIDE_PADDING) / maxWidth)
        : CSS_PER_POINT;
  const layout = useMemo<PageLayout | null>(
    () => (loaded ? pageLayout(loaded.sizes, scale, PAGE_GAP, TOP_PADDING) : null),
    [loaded, scale],
  );

  useEffect(() => {
    const root = scrollRoot.current;
    if (!root) return;
    const observer = new ResizeObserver(() => setRootWidth(root.clientWidth));
    observer.observe(root);
    setRootWidth(root.clientWidth);
    return () => observer.disconnect();
  }, [scrollRoot]);

  /**
   * Where the pages stand in the viewport: the pages' container's top and the band of it under
   * the toolbar, in container pixels. Two reads, done before anything is written in a frame.
   */
  const viewport = useCallback(() => {
    const root = scrollRoot.current;
    const host = pagesRef.current;
    if (!root || !host) return null;
    const rootTop = root.getBoundingClientRect().top;
    const hostTop = host.getBoundingClientRect().top;
    const toolbar = toolbarRef.current?.offsetHeight ?? 0;
    return {
      root,
      hostTop,
      top: rootTop + toolbar - hostTop,
      bottom: rootTop + root.clientHeight - hostTop,
    };
  }, [scrollRoot]);

  /** Scrolls to page n; false while the document or its layout is not there yet. */
  const goToPage = useCallback(
    (n: number): boolean => {
      const count = loaded?.doc.numPages ?? 0;
      const at = viewport();
      if (!at || !count || !layout) return false;
      const target = Math.min(Math.max(1, n), count);
      // Known at once (the scroll's own measure comes a frame later): a zoom meanwhile keeps it.
      setCurrent(target);
      at.root.scrollTop += layout.tops[target - 1]! - at.top;
      return true;
    },
    [loaded, layout, viewport, setCurrent],
  );

  const pageOfOffset = useCallback(
    (offset: number): number => {
      const starts = article.pages ?? [];
      let k = -1;
      for (let i = 0; i < starts.length && starts[i]!.start <= offset; i++) k = i;
      return k >= 0 ? (slices.numbers[k] ?? 1) : 1;
    },
    [article.pages, slices],
  );

  // A jump asked for while the document is still opening (a contents entry clicked right after
  // switching to pages) is kept and made once the pages are laid out, instead of being lost.
  const pendingOffset = useRef<number | null>(null);
  useEffect(() => {
    handle.current = {
      showOffset: (offset) => {
        if (!goToPage(pageOfOffset(offset))) pendingOffset.current = offset;
      },
    };
    return () => {
      handle.current = null;
    };
  }, [handle, goToPage, pageOfOffset]);

  // Opening: the page asked for meanwhile, else the page the text view was showing.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (!loaded || opened.current || !slices) return;
    const offset = pendingOffset.current ?? startOffset;
    if (offset > 0 && !goToPage(pageOfOffset(offset))) return;
    opened.current = true;
    pendingOffset.current = null;
  }, [loaded, slices, startOffset, goToPage, pageOfOffset]);

  // Zooming keeps the page at the top in place.
  const lastScale = useRef(scale);
  useLayoutEffect(() => {
    if (lastScale.current === scale) return;
    lastScale.current = scale;
    goToPage(currentRef.current);
    // Only on a change of scale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scale]);

  /** The page at the top of the viewport (from the layout, so it is never behind a key). */
  const topPage = useCallback((): number => {
    const at = viewport();
    return at && layout ? pageSpan(layout, at.top + 1, at.bottom).first : 1;
  }, [viewport, layout]);

  // Scrolling: which pages are drawn (those on screen and one either side, the rest not in the
  // DOM at all), which get a text layer (those on screen), and the page at the top ("page N of
  // M", the place to keep). Measured once a frame, from the layout's arithmetic.
  useEffect(() => {
    const root = scrollRoot.current;
    if (!root || !loaded || !layout) return;
    const count = loaded.doc.numPages;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const at = viewport();
      if (!at) return;
      const seen = pageSpan(layout, at.top + 1, at.bottom);
      const next: Shown = {
        first: Math.max(1, seen.first - 1),
        last: Math.min(count, seen.last + 1),
        visibleFirst: seen.first,
        visibleLast: seen.last,
      };
      setShown((old) =>
        old.first === next.first &&
        old.last === next.last &&
        old.visibleFirst === next.visibleFirst &&
        old.visibleLast === next.visibleLast
          ? old
          : next,
      );
      setCurrent(seen.first);
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    root.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(root);
    return () => {
      root.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scrollRoot, loaded, layout, viewport, setCurrent]);

  useEffect(() => {
    if (!loaded) return;
    const starts = article.pages ?? [];
    let k = -1;
    for (let i = 0; i < slices.numbers.length && slices.numbers[i]! <= current; i++) k = i;
    onPlace(k >= 0 ? starts[k]!.start : 0);
  }, [current, loaded, slices, article.pages, onPlace]);

  const zoomBy = useCallback(
    (direction: 1 | -1) => {
      const now = scale / CSS_PER_POINT;
      const next =
        direction > 0
          ? (ZOOM_STEPS.find((z) => z > now + 0.001) ?? ZOOM_STEPS.at(-1)!)
          : (ZOOM_STEPS.findLast((z) => z < now - 0.001) ?? ZOOM_STEPS[0]!);
      setZoom({ kind: 'fixed', zoom: next });
    },
    [scale],
  );

  // Keys: PageUp/PageDown/Home/End move by page; Ctrl/Cmd with + − 0 (and the wheel) zoom.
  useEffect(() => {
    const root = scrollRoot.current;
    if (!root || !loaded) return;
    const count = loaded.doc.numPages;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextField(event.target)) return;
      // Its own element's keys (app/shortcuts.ts): Home/End elsewhere move lists and text.
      const is = (id: ShortcutId) => matchesShortcut(event, id);
      if (is('zoomIn')) zoomBy(1);
      else if (is('zoomOut')) zoomBy(-1);
      else if (is('zoomFit')) setZoom({ kind: 'fit' });
      else if (is('nextPage')) goToPage(topPage() + 1);
      else if (is('previousPage')) {
        const current = topPage();
        const at = viewport();
        const pageTop = layout?.tops[current - 1];
        // Part of this page is above: back to its top first.
        goToPage(at && pageTop !== undefined && pageTop < at.top - 2 ? current : current - 1);
      } else if (is('firstPage')) goToPage(1);
      else if (is('lastPage')) goToPage(count);
      else return;
      event.preventDefault();
    };
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      if (event.deltaY !== 0) zoomBy(event.deltaY < 0 ? 1 : -1);
    };
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('wheel', onWheel);
    };
  }, [scrollRoot, loaded, layout, topPage, viewport, goToPage, zoomBy]);

  // A selection on the pages becomes a canonical range (or is said to have none).
  useEffect(() => {
    const host = pagesRef.current;
    if (!host) return;
    followSelectionGestures();
    let frame = 0;
    const check = () => {
      frame = 0;
      const selection = document.getSelection();
      const found = pageSelectionRange(selection, host, rendered.current);
      if (found.kind === 'range') {
        const range = userRange(article.text, found.start, found.end);
        setUnmapped(false);
        onSelection(
          range && selection
            ? { range, rect: selection.getRangeAt(0).getBoundingClientRect() }
            : null,
        );
        return;
      }
      setUnmapped(found.kind === 'unmapped');
      onSelection(null);
    };
    const onChange = () => {
      frame ||= requestAnimationFrame(check);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      cancelAnimationFrame(frame);
    };
  }, [article.text, onSelection, loaded]);

  const onRendered = useCallback((n: number, page: RenderedPage | null) => {
    if (page) rendered.current.set(n, page);
    else rendered.current.delete(n);
  }, []);

  // A click on a painted passage opens it, as a click on a mark does in the text.
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    if (!document.getSelection()?.isCollapsed) return;
    const page = (event.target as Element).closest?.('.pv-page');
    if (!page) return;
    const hits: HTMLElement[] = [];
    for (const el of page.querySelectorAll<HTMLElement>('.pv-hl')) {
      const r = el.getBoundingClientRect();
      if (
        event.clientX >= r.left &&
        event.clientX <= r.right &&
        event.clientY >= r.top &&
        event.clientY <= r.bottom
      )
        hits.push(el);
    }
    const ids = [...new Set(hits.map((el) => el.dataset['passageId']!))];
    if (ids.length) onMarkActivate({ ids, element: hits[hits.length - 1]! });
  };

  if (error)
    return (
      <p className="pv-message" role="alert">
        {error}
      </p>
    );
  if (!loaded) return <p className="pv-message">Opening the pages…</p>;
  const count = loaded.doc.numPages;
  const percent = Math.round((scale / CSS_PER_POINT) * 100);
  const commitPageField = () => {
    const n = Number.parseInt(pageField ?? '', 10);
    setPageField(null);
    if (Number.isFinite(n)) goToPage(n);
  };

  return (
    <div className="pv" data-page-view>
      <div className="pv-toolbar" ref={toolbarRef} role="toolbar" aria-label="Pages">
        <button type="button" onClick={onTextView} title="Show the reflowed text (Ctrl+Alt+P)">
          Text view
        </button>
        <button
          type="button"
          onClick={() => goToPage(topPage() - 1)}
          disabled={current <= 1}
          title="Previous page (Page Up)"
        >
          ‹ Prev
        </button>
        <label className="pv-page-field">
          Page{' '}
          <input
            type="text"
            inputMode="numeric"
            aria-label={`Page number, 1 to ${count}`}
            value={pageField ?? String(current)}
            size={String(count).length + 1}
            onFocus={(e) => {
              setPageField(String(current));
              e.currentTarget.select();
            }}
            onChange={(e) => setPageField(e.currentTarget.value)}
            onBlur={() => setPageField(null)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitPageField();
              } else if (e.key === 'Escape') setPageField(null);
            }}
          />{' '}
          of {count}
        </label>
        <button
          type="button"
          onClick={() => goToPage(topPage() + 1)}
          disabled={current >= count}
          title="Next page (Page Down)"
        >
          Next ›
        </button>
        <span className="pv-toolbar-gap" />
        <button
          type="button"
          onClick={() => zoomBy(-1)}
          aria-label="Zoom out"
          title="Zoom out (Ctrl+−)"
        >
          −
        </button>
        <output className="pv-zoom" aria-label="Zoom">
          {percent}%
        </output>
        <button
          type="button"
          onClick={() => zoomBy(1)}
          aria-label="Zoom in"
          title="Zoom in (Ctrl+=)"
        >
          +
        </button>
        <button
          type="button"
          aria-pressed={zoom.kind === 'fit'}
          onClick={() => setZoom({ kind: 'fit' })}
          title="Fit the page to the width (Ctrl+0)"
        >
          Fit width
        </button>
      </div>
      <p className="pv-status" role="status">
        {unmapped
          ? 'This selection can’t be matched to the article’s text (that part of the page was not imported as text), so it can’t become a passage.'
          : ''}
      </p>
      <div
        className="pv-pages"
        ref={pagesRef}
        onClick={onClick}
        style={{
          height: `${layout?.height ?? 0}px`,
          width: `${Math.ceil(maxWidth * scale) + 2 * SIDE_PADDING}px`,
        }}
      >
        {Array.from({ length: shown.last - shown.first + 1 }, (_, k) => {
          const n = shown.first + k;
          const size = loaded.sizes[n - 1];
          if (!size || !layout) return null;
          return (
            <PdfPage
              key={n}
              pdfjs={loaded.pdfjs}
              doc={loaded.doc}
              number={n}
              top={layout.tops[n - 1]!}
              width={size.width}
              height={size.height}
              scale={scale}
              visible={n >= shown.visibleFirst && n <= shown.visibleLast}
              slice={slices.byPage.get(n) ?? null}
              passages={passages}
              onRendered={onRendered}
            />
          );
        })}
      </div>
    </div>
  );
}
