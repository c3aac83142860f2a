import { useNav } from '../app/navigation';

/** Back and forward in the header, beside Alt+←/→ and the mouse buttons; disabled at either end. */
export function NavButtons() {
  const { back, forward, canGoBack, canGoForward } = useNav();
  return (
    <div className="nav-buttons" role="group" aria-label="History">
      <button
        type="button"
        className="nav-button"
        aria-label="Back"
        title="Back (Alt+←)"
        aria-keyshortcuts="Alt+ArrowLeft"
        disabled={!canGoBack}
        onClick={back}
      >
        <span aria-hidden="true">←</span>
      </button>
      <button
        type="button"
        className="nav-button"
        aria-label="Forward"
        title="Forward (Alt+→)"
        aria-keyshortcuts="Alt+ArrowRight"
        disabled={!canGoForward}
        onClick={forward}
      >
        <span aria-hidden="true">→</span>
      </button>
    </div>
  );
}
