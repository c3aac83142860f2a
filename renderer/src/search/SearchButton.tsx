/** The header's way into search, for those who don't know Ctrl/Cmd+K. */
export function SearchButton({ onClick }: { onClick: () => void }) {
  const mac = /mac/i.test(navigator.platform);
  return (
    <button
      type="button"
      className="search-button"
      aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
      onClick={onClick}
    >
      Search <kbd aria-hidden="true">{mac ? '⌘K' : 'Ctrl+K'}</kbd>
    </button>
  );
}
