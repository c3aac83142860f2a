/** Shown while files are dragged over the window; never takes pointer events itself. */
export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">Drop files or folders to import</p>
        <p>Text, Markdown, HTML, PDF, EPUB and DOCX files</p>
      </div>
    </div>
  );
}
