import { useEffect, useRef, useState } from 'react';
import { isInternalDrag } from '../app/internalDrag';
import { takeDropped, type Dropped } from './bulk/collectDropped';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Files and folders dropped anywhere on the window are imported (folders are read after the
 * event, from the entries taken during it). Every drop is cancelled at window level:
 * the browser's (and Electron's) default would navigate the app to the dropped file or link.
 * Returns whether files are being dragged over the window (for the drop overlay).
 */
export function useWindowFileDrop(onFiles: (dropped: Dropped) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  });

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; count them to know when we left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      // A row dragged onto a collection: its target set the drop effect; keep it.
      if (isInternalDrag(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = carriesFiles(event) ? 'copy' : 'none';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const reset = () => {
      depth = 0;
      setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      reset();
      if (!event.dataTransfer || isInternalDrag(event.dataTransfer)) return;
      const dropped = takeDropped(event.dataTransfer);
      if (dropped.entries.length > 0 || dropped.loose.length > 0) onFilesRef.current(dropped);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('dragend', reset);
    };
  }, []);

  return dragging;
}
