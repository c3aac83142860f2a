interface Props {
  count: number;
  /** The collection the list shows (Remove from it), or null. */
  collection: string | null;
  onRead: (read: boolean) => void;
  onCollect: () => void;
  onUncollect: () => void;
  onTrash: () => void;
  onExport: () => void;
  onClear: () => void;
}

const countFormat = new Intl.NumberFormat();

/** Under the list while rows are selected: how many, and what can be done to all of them. */
export function SelectionBar({
  count,
  collection,
  onRead,
  onCollect,
  onUncollect,
  onTrash,
  onExport,
  onClear,
}: Props) {
  return (
    <div className="library-selection" role="group" aria-label="Selected articles">
      <p className="library-selection-count" role="status">
        {countFormat.format(count)} selected
      </p>
      <div className="library-selection-actions">
        <button type="button" onClick={() => onRead(true)}>
          Mark read
        </button>
        <button type="button" onClick={() => onRead(false)}>
          Mark unread
        </button>
        <button type="button" onClick={onCollect}>
          Add to collection…
        </button>
        {collection !== null && (
          <button type="button" onClick={onUncollect}>
            Remove from “{collection}”
          </button>
        )}
        <button type="button" onClick={onExport}>
          Export…
        </button>
        <button type="button" className="danger" onClick={onTrash}>
          Move to trash
        </button>
        <button type="button" className="link-button" onClick={onClear} title="Escape">
          Clear selection
        </button>
      </div>
    </div>
  );
}
