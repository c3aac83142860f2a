import { useState, type DragEvent } from 'react';
import type { Collection } from '../../../electron/model/library';
import { isInternalDrag } from '../app/internalDrag';

interface Props {
  collections: readonly Collection[];
  /** What is being dragged (“Title”, “3 articles”). */
  what: string;
  /** Dropped on a collection (its name), or on New collection (null). */
  onDrop: (name: string | null) => void;
}

/**
 * While library rows are dragged: the collections to drop them on, over the top of the pane
 * (the keyboard's way is Add to collection…). Only our own drags are taken.
 */
export function CollectionDropTargets({ collections, what, onDrop }: Props) {
  const [over, setOver] = useState<string | null>(null);
  const target = (key: string, name: string | null, label: string, count?: number) => {
    const accept = (event: DragEvent) => {
      if (!isInternalDrag(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setOver(key);
    };
    return (
      <li
        key={key}
        className={over === key ? 'collection-drop-target is-over' : 'collection-drop-target'}
        data-collection={name ?? ''}
        onDragEnter={accept}
        onDragOver={accept}
        onDragLeave={() => setOver((o) => (o === key ? null : o))}
        onDrop={(event) => {
          if (!isInternalDrag(event.dataTransfer)) return;
          event.preventDefault();
          setOver(null);
          onDrop(name);
        }}
      >
        {label}
        {count !== undefined && <span className="collection-drop-count"> ({count})</span>}
      </li>
    );
  };
  return (
    <div className="collection-drop" role="group" aria-label="Drop on a collection">
      <p className="collection-drop-title">Add {what} to a collection:</p>
      <ul className="collection-drop-list">
        {collections.map((c) => target(c.id, c.name, c.name, c.count))}
        {target('new', null, 'New collection…')}
      </ul>
    </div>
  );
}
