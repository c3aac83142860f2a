import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Article } from '../../../electron/model/articles';
import type { Passage, PassageColor } from '../../../electron/model/passages';
import { invoke, isElectron } from '../api/client';
import { isTextField } from '../app/keys';
import { useReportError, useToaster } from '../app/toasterContext';
import { useShortcut } from '../app/useShortcut';
import { EditableBody } from '../edit/EditableBody';
import { $lexicalToBody, withoutEmptyBlocks } from '../edit/lexicalToBody';
import { reanchorReportText } from '../edit/reportText';
import { isFileSource } from '../import/sourceUpdates';
import { useSourceUpdate } from '../import/useSourceUpdate';
import { ArticleMeta } from '../library/ArticleMeta';
import { useOpenExternal } from '../externalLinks/ExternalLinks';
import { openableUrl } from '../externalLinks/externalUrl';
import { readerSelectionRange } from '../passages/domRange';
import type { MarkTarget } from '../passages/MarkEventsPlugin';
import { PassageEditor, type EditorFocus } from '../passages/PassageEditor';
import { ensureMarksAt, markElements, MARK_IDS_ATTRIBUTE } from '../passages/PassageMarksPlugin';
import { PassagePreview } from '../passages/PassagePreview';
import { PassagesSidebar } from '../passages/PassagesSidebar';
import type { ReaderSelection } from '../passages/ReaderSelectionPlugin';
import { SelectionToolbar } from '../passages/SelectionToolbar';
import type { TextRange } from '../passages/trimRange';
import { usePassageActions } from '../passages/usePassageActions';
import type { PassagesState } from '../passages/usePassages';
import { ArticleTags } from '../tags/ArticleTags';
import { ArticleLinks } from '../links/ArticleLinks';
import { prefersReducedMotion } from '../search/highlights';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useReaderPassageDnd } from '../links/usePassageDnd';
import type { Arrival } from './arrival';
import { headingShift } from './bodyToLexical';
import { handleSelectionKey } from './keyboardSelection';
import { textDirection } from './direction';
import { flash } from './flash';
import { OcrAction } from './OcrAction';
import { OriginalActions } from './OriginalActions';
import { EditDetailsDialog } from '../meta/EditDetailsDialog';
import { PageView, type PageViewHandle } from '../pageview/PageView';
import { prefersPageView, rememberPageView } from '../pageview/pageViewPref';
import { preloadPdfJs } from '../pageview/pdfjs';
import { scrollTextTo, textTopOffset } from '../pageview/textPlace';
import { ReaderBody } from './ReaderBody';
import { READER_ARTICLE_ID } from './readerDom';
import { TableOfContents } from './TableOfContents';
import { useArrival } from './useArrival';
import { useCaretMode } from './useCaretMode';
import { useStableBody } from './useStableBody';
import { ReadingProgress } from './ReadingProgress';
import { useReadingPlace } from './useReadingPlace';
import { titleOrUntitled } from '../../../electron/model/titles';

const HOVER_DELAY_MS = 350;

interface OpenEditor {
  id: string;
  /** The passage as created, until the refreshed list has it. */
  fallback: Passage | null;
  anchor: DOMRect | null;
  focus: EditorFocus;
  /** Ids of the mark that was clicked (overlaps), outermost first. */
  ids: string[];
}

/** A BCP 47-looking tag or nothing: an invalid `lang` attribute misleads screen readers. */
function validLang(lang: string | null): string | undefined {
  return lang !== null && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) ? lang : undefined;
}

interface Props {
  article: Article;
  passages: PassagesState;
  /** Where navigation took the reader in this article, until it has been carried out. */
  arrival: Arrival | null;
  onArrived: (arrival: Arrival) => void;
  /**
   * The content was replaced: with the article as saved, the reader shows it without fetching it
   * again; without, it fetches it again.
   */
  onSaved: (article?: Article) => void;
}

export function ReaderArticle({
  article,
  passages: passagesState,
  arrival,
  onArrived,
  onSaved,
}: Props) {
  const openExternal = useOpenExternal();
  const [editingDetails, setEditingDetails] = useState(false);
  const { show } = useToaster();
  const reportError = useReportError();
  const source = article.source !== null ? openableUrl(article.source) : null;
  const { body, version } = useStableBody(article.body);
  const { passages } = passagesState;
  const actions = usePassageActions(article.id, passagesState);

  const editorRef = useRef<LexicalEditor | null>(null);
  const editEditorRef = useRef<LexicalEditor | null>(null);
  const articleRef = useRef<HTMLElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [updating, setUpdating] = useState(false);
  // The source path is data (it may come from a restored or foreign library): the user sees it
  // and says yes before it is read. Web mode never reads it (the API refuses over HTTP).
  const [confirmingUpdate, setConfirmingUpdate] = useState(false);
  const canUpdateFromSource = isElectron() && isFileSource(article.source);
  const updateFromSource = useSourceUpdate({ show });
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  const [openEditor, setOpenEditor] = useState<OpenEditor | null>(null);
  const [hover, setHover] = useState<MarkTarget | null>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The PDF's pages as printed, instead of the reflowed text (remembered per article).
  const canPageView = article.format === 'pdf';
  const [pageView, setPageView] = useState(() => canPageView && prefersPageView(article.id));
  const pageViewRef = useRef<PageViewHandle | null>(null);
  // pdf.js and its worker made ready while the text is read, for a switch to the pages.
  useEffect(() => {
    if (!canPageView) return;
    const idle = requestIdleCallback(preloadPdfJs, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [canPageView]);
  // The reading place to return to: opened with no place to go to (the list, a reload).
  const [placeStart] = useState(() => (arrival === null ? (article.readingOffset ?? 0) : null));
  // Where the page view opens (the text view's place) and where the text view returns to.
  const [pageStart, setPageStart] = useState(placeStart ?? 0);
  const pagePlace = useRef(placeStart ?? 0);
  const [textReturn, setTextReturn] = useState<number | null>(null);
  const showPages = pageView && !editing;
  const caret = useCaretMode({ articleRef, editorRef, available: !editing && !showPages });
  const placeCaret = caret.placeAt;
  // In the page view, a jump to a passage or hit goes to the text, which can flash it.
  useEffect(() => {
    if (showPages && arrival?.kind === 'range' && arrival.start !== undefined) setPageView(false);
  }, [showPages, arrival]);
  useArrival(showPages ? null : arrival, onArrived, editorRef, articleRef);
  const place = useReadingPlace({
    article,
    start: placeStart,
    arriving: arrival !== null,
    editorRef,
    scrollRef: articleRef,
    paged: showPages,
    pagePlace,
    onSaved,
  });
  const { pageMoved } = place;
  const onPagePlace = useCallback(
    (offset: number) => {
      if (offset === pagePlace.current) return;
      pagePlace.current = offset;
      pageMoved();
    },
    [pageMoved],
  );
  useEffect(() => {
    // Back/Forward to a place in the page view: its scroll offset, as in the text.
    if (!showPages || arrival?.kind !== 'scroll') return;
    if (articleRef.current) articleRef.current.scrollTop = arrival.offset;
    onArrived(arrival);
  }, [showPages, arrival, onArrived]);

  const togglePageView = useCallback(() => {
    if (!canPageView) return;
    const next = !pageView;
    const editor = editorRef.current;
    const root = articleRef.current;
    if (next) setPageStart(editor && root ? textTopOffset(editor, root, article.pages) : 0);
    else setTextReturn(pagePlace.current);
    setSelection(null);
    setOpenEditor(null);
    rememberPageView(article.id, next);
    setPageView(next);
  }, [canPageView, pageView, article.id, article.pages]);

  // Back in the text: the place the page view was showing, once the text is there.
  useEffect(() => {
    if (textReturn === null || showPages) return;
    const deadline = performance.now() + 6000;
    let frame = 0;
    const tick = () => {
      const editor = editorRef.current;
      const root = articleRef.current;
      const done = editor && root && scrollTextTo(editor, root, textReturn);
      if (done || performance.now() > deadline) setTextReturn(null);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [textReturn, showPages]);

  // Ctrl/Cmd+Alt+P switches between the text and the pages.
  useShortcut(
    'pageView',
    () => {
      if (editing) return false;
      togglePageView();
    },
    canPageView,
  );

  const byId = useCallback((id: string) => passages?.find((p) => p.id === id), [passages]);
  useReaderPassageDnd(articleRef, editing ? null : passages);

  const currentRange = useCallback((): TextRange | null => {
    const editor = editorRef.current;
    return (editor && readerSelectionRange(editor)) ?? selection?.range ?? null;
  }, [selection]);

  const highlight = useCallback(
    async (color?: PassageColor, then?: EditorFocus) => {
      const range = currentRange();
      if (!range) {
        show('success', 'Select some text in the article first, then highlight it.');
        return;
      }
      const anchor = selection?.rect ?? null;
      document.getSelection()?.removeAllRanges();
      setSelection(null);
      const created = await actions.create(range, color ? { color } : {});
      // In caret mode the caret stays where the selection ended.
      if (created && !then) placeCaret(range.end);
      if (created && then)
        setOpenEditor({
          id: created.id,
          fallback: created,
          anchor,
          focus: then,
          ids: [created.id],
        });
      else articleRef.current?.focus({ preventScroll: true });
    },
    [actions, currentRange, selection, show, placeCaret],
  );

  // H or Ctrl/Cmd+Shift+H highlights the selection in the default colour.
  useShortcut('highlight', (event) => {
    if (editing || isTextField(event.target) || document.querySelector('dialog[open]'))
      return false;
    const inReader = articleRef.current?.contains(document.activeElement) ?? false;
    const editor = editorRef.current;
    if (!inReader && !(editor && readerSelectionRange(editor)) && !(showPages && selection))
      return false;
    void highlight();
  });

  const openPassage = useCallback((passage: Passage, focus: EditorFocus = 'colour') => {
    const editor = editorRef.current;
    const first = editor ? markElements(editor, passage.id)[0] : undefined;
    if (first) first.scrollIntoView({ block: 'nearest' });
    setHover(null);
    setOpenEditor({
      id: passage.id,
      fallback: null,
      anchor: first?.getBoundingClientRect() ?? null,
      focus,
      ids: [passage.id],
    });
  }, []);

  const jump = useCallback((passage: Passage) => {
    if (pageViewRef.current) {
      pageViewRef.current.showOffset(passage.start);
      return;
    }
    const editor = editorRef.current;
    const marks = editor ? markElements(editor, passage.id) : [];
    if (marks.length === 0) return;
    marks[0]!.scrollIntoView({
      block: 'center',
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    });
    flash({ marks });
  }, []);

  const onMarkActivate = useCallback((target: MarkTarget) => {
    const innermost = target.ids[target.ids.length - 1]!;
    setHover(null);
    setOpenEditor({
      id: innermost,
      fallback: null,
      anchor: target.element.getBoundingClientRect(),
      focus: 'colour',
      ids: target.ids,
    });
  }, []);

  const onMarkHover = useCallback((target: MarkTarget | null) => {
    if (hoverTimer.current) clearTimeout(hoverTimer.current);
    hoverTimer.current = setTimeout(() => setHover(target), target ? HOVER_DELAY_MS : 120);
  }, []);
  useEffect(
    () => () => {
      if (hoverTimer.current) clearTimeout(hoverTimer.current);
    },
    [],
  );

  const toolbarBounds = useCallback(() => articleRef.current?.getBoundingClientRect(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (
      editing ||
      isTextField(event.target) ||
      !(event.target instanceof Node) ||
      toolbarRef.current?.contains(event.target)
    )
      return;
    const content = editorRef.current?.getRootElement() ?? null;
    if (caret.onKey(event) || handleSelectionKey(event, content, event.currentTarget)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && selection) {
      event.preventDefault();
      document.getSelection()?.removeAllRanges();
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && selection && toolbarRef.current) {
      // The toolbar floats outside the reading order: Tab from the text goes to it.
      event.preventDefault();
      toolbarRef.current.querySelector('button')?.focus();
      return;
    }
    if (event.key === 'Enter' && content && editorRef.current) {
      // A passage just opened may still be only painted: make its block's marks (the selection stays).
      ensureMarksAt(editorRef.current, document.getSelection()?.focusNode ?? null);
      const node = document.getSelection()?.focusNode;
      const mark =
        node instanceof Element
          ? node.closest(`mark[${MARK_IDS_ATTRIBUTE}]`)
          : node?.parentElement?.closest(`mark[${MARK_IDS_ATTRIBUTE}]`);
      if (mark instanceof HTMLElement && content.contains(mark)) {
        event.preventDefault();
        const ids = (mark.getAttribute(MARK_IDS_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
        onMarkActivate({ ids, element: mark });
      }
    }
  };

  const save = async () => {
    const editor = editEditorRef.current;
    if (!editor) return;
    const edited = withoutEmptyBlocks(
      editor.read(() => $lexicalToBody(headingShift(article.body.blocks))),
    );
    if (edited.blocks.length === 0) {
      show('error', 'The article has no text left. Undo the deletion or cancel editing.');
      return;
    }
    setSaving(true);
    try {
      const saved = await invoke('articles.updateBody', { id: article.id, body: edited });
      show('success', reanchorReportText(saved.report));
      setEditing(false);
      // Moved passages come with the save's change event.
      onSaved(saved.article);
    } catch (error) {
      reportError(error);
    } finally {
      setSaving(false);
    }
  };

  const updateSource = async () => {
    setUpdating(true);
    try {
      // The article and its re-placed passages follow with the update's change event.
      await updateFromSource(article.id);
    } finally {
      setUpdating(false);
    }
  };

  const editorPassage = openEditor ? (byId(openEditor.id) ?? openEditor.fallback) : null;
  // A passage deleted elsewhere (or by its own Delete button) closes its editor.
  useEffect(() => {
    if (openEditor && passages && !openEditor.fallback && !byId(openEditor.id)) setOpenEditor(null);
  }, [openEditor, passages, byId]);

  const hovered =
    hover && !openEditor ? hover.ids.map(byId).filter((p): p is Passage => p !== undefined) : [];

  return (
    <div className="reader-layout">
      {/* Focusable so the keyboard can scroll it (it is the scrolling region) and F6 can reach it. */}
      <article
        id={READER_ARTICLE_ID}
        ref={articleRef}
        aria-label="Reader"
        className="reader"
        tabIndex={0}
        data-pane-focus
        lang={validLang(article.lang)}
        dir={textDirection(article.lang)}
        onKeyDown={onKeyDown}
      >
        <ReadingProgress scrollRef={articleRef} />
        {caret.view}
        <div className={showPages ? 'reader-column is-paged' : 'reader-column'}>
          <header className="reader-header">
            <h1 className="reader-title">{titleOrUntitled(article.title)}</h1>
            {article.subtitle && <p className="reader-subtitle">{article.subtitle}</p>}
            <p className="reader-meta">
              <ArticleMeta article={article} />
              {source && (
                <a
                  className="reader-source"
                  href={source}
                  onClick={(event) => {
                    event.preventDefault();
                    openExternal(source);
                  }}
                >
                  View original
                </a>
              )}
            </p>
            <div className="reader-tools">
              <ArticleTags article={article} />
              <div className="reader-tool-buttons">
                {editing ? (
                  <>
                    <button type="button" disabled={saving} onClick={() => setEditing(false)}>
                      Cancel
                    </button>
                    <button
                      type="button"
                      className="primary"
                      disabled={saving}
                      onClick={() => void save()}
                    >
                      {saving ? 'Saving…' : 'Save'}
                    </button>
                  </>
                ) : (
                  <>
                    {canUpdateFromSource && (
                      <button
                        type="button"
                        disabled={updating}
                        onClick={() => setConfirmingUpdate(true)}
                      >
                        {updating ? 'Updating…' : 'Update from source file'}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => {
                        setSelection(null);
                        setOpenEditor(null);
                        setEditing(true);
                      }}
                    >
                      Edit text
                    </button>
                    <button type="button" onClick={() => setEditingDetails(true)}>
                      Edit details
                    </button>
                    {canPageView && (
                      <button
                        type="button"
                        aria-pressed={pageView}
                        aria-keyshortcuts="Control+Alt+P"
                        onClick={togglePageView}
                        title="Show the PDF's pages as printed, or the reflowed text (Ctrl+Alt+P)"
                      >
                        Page view
                      </button>
                    )}
                    <OriginalActions article={article} onReparsed={onSaved} />
                    <OcrAction
                      article={article}
                      onDone={() => {
                        onSaved();
                        passagesState.refresh();
                      }}
                    />
                  </>
                )}
              </div>
            </div>
            {!editing && <ArticleLinks articleId={article.id} title={article.title} />}
            <EditDetailsDialog
              articleId={article.id}
              open={editingDetails}
              // No refetch here: the edit's change event refetches the article (and the list rows).
              onClose={() => setEditingDetails(false)}
            />
            {editing && (
              <p className="reader-edit-note">
                Editing the text. Highlights are hidden and will be placed again when you save.
              </p>
            )}
          </header>
          {!editing && (
            <TableOfContents
              body={article.body}
              own={article.contents}
              editorRef={editorRef}
              scrollRef={articleRef}
              paged={showPages}
              pageView={pageViewRef}
              pagePlace={pagePlace}
            />
          )}
          {editing ? (
            <EditableBody key={`edit@${version}`} body={body} editorRef={editEditorRef} />
          ) : showPages ? null : (
            // Not waiting for the passages: the text renders as soon as it is here, and the
            // passages are painted over it when they arrive (PassageMarksPlugin).
            <ReaderBody
              key={`read@${version}`}
              body={body}
              pages={article.pages}
              passages={passages}
              onLink={openExternal}
              editorRef={editorRef}
              onSelection={setSelection}
              onMarkActivate={onMarkActivate}
              onMarkHover={onMarkHover}
            />
          )}
        </div>
        {showPages && (
          <PageView
            article={article}
            passages={passages}
            scrollRoot={articleRef}
            startOffset={pageStart}
            handle={pageViewRef}
            onPlace={onPagePlace}
            onSelection={setSelection}
            onMarkActivate={onMarkActivate}
            onTextView={togglePageView}
          />
        )}
      </article>
      <PassagesSidebar
        passages={passages}
        error={passagesState.error}
        selection={editing ? null : (selection?.range ?? null)}
        onJump={jump}
        onEdit={(passage) => openPassage(passage)}
        onReattach={(passage) => {
          const range = currentRange();
          if (range) void actions.reattach(passage, range);
        }}
        onDelete={(passage) => void actions.remove(passage)}
      />
      {!editing && selection && !openEditor && (
        <SelectionToolbar
          ref={toolbarRef}
          selection={selection}
          onHighlight={(color) => void highlight(color)}
          onTag={() => void highlight(undefined, 'tags')}
          onComment={() => void highlight(undefined, 'comment')}
          onLeave={() => articleRef.current?.focus({ preventScroll: true })}
          bounds={toolbarBounds}
        />
      )}
      {hovered.length > 0 && hover && <PassagePreview passages={hovered} anchor={hover.element} />}
      {openEditor && editorPassage && (
        <PassageEditor
          key={editorPassage.id}
          passage={editorPassage}
          others={openEditor.ids
            .filter((id) => id !== editorPassage.id)
            .map(byId)
            .filter((p): p is Passage => p !== undefined)}
          anchor={openEditor.anchor}
          focus={openEditor.focus}
          actions={actions}
          onSwitch={(id) => setOpenEditor({ ...openEditor, id, fallback: null, focus: 'colour' })}
          onClose={() => setOpenEditor(null)}
          returnFocus={articleRef}
        />
      )}
      {canUpdateFromSource && (
        <ConfirmDialog
          open={confirmingUpdate}
          title="Update from source file?"
          message={`Commonplace will read ${article.source} again and replace this article's text with it; passages re-anchor.`}
          confirmLabel="Read it and update"
          onCancel={() => setConfirmingUpdate(false)}
          onConfirm={() => {
            setConfirmingUpdate(false);
            void updateSource();
          }}
        />
      )}
    </div>
  );
}
