import { useEffect, useRef } from 'react';
import type { LibraryEvent } from '../../../electron/model/events';
import { onLibraryEvent } from '../api/client';

/** Subscribes to library events for the app's lifetime; the handler may change freely. */
export function useLibraryEvents(handler: (event: LibraryEvent) => void): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => onLibraryEvent((event) => handlerRef.current(event)), []);
}
