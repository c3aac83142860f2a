import { ariaKeys, chordLabel, isMac, SHORTCUTS } from '../app/shortcuts';
import { LIBRARY_PANE_ID } from './usePaneLayout';

/** The header's button that hides and shows the library pane: an icon, named for screen readers. */
export function LibraryToggle({ collapsed, onToggle }: { collapsed: boolean; onToggle(): void }) {
  const keys = chordLabel(SHORTCUTS.toggleLibrary.chords[0], isMac());
  return (
    <button
      type="button"
      className="library-toggle"
      aria-label="Library"
      aria-expanded={!collapsed}
      aria-controls={LIBRARY_PANE_ID}
      aria-keyshortcuts={ariaKeys('toggleLibrary', isMac())}
      title={`${collapsed ? 'Show' : 'Hide'} the library (${keys})`}
      onClick={onToggle}
    >
      {/* A window with a side panel; the panel filled while it shows. */}
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <rect
          x="2"
          y="3"
          width="16"
          height="14"
          rx="2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <rect x="3" y="4" width="5" height="12" fill={collapsed ? 'none' : 'currentColor'} />
        <line x1="8.5" y1="3" x2="8.5" y2="17" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </button>
  );
}
