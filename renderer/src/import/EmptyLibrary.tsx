/** The library pane when the library has no articles yet: how to get some in. */
export function EmptyLibrary({ onChooseFiles }: { onChooseFiles: () => void }) {
  return (
    <div className="library-empty">
      <p className="pane-empty-title">Your library is empty</p>
      <p>
        Import articles and books saved as text (.txt), Markdown, HTML, PDF, EPUB or DOCX files:
        choose them, or drop files or folders here (anywhere in this window).
      </p>
      <button type="button" className="primary" onClick={onChooseFiles}>
        Choose files…
      </button>
    </div>
  );
}
