import { useCallback, useEffect, useState } from 'react';
import { focusPane } from '../app/paneFocus';
import { useLibraryEvents } from '../app/useLibraryEvents';
import { useShortcut } from '../app/useShortcut';
import { loadPaneLayout, savePaneLayout, type PaneLayout } from './paneLayout';

export const LIBRARY_PANE_ID = 'library-pane';

export interface PaneLayoutState {
  layout: PaneLayout;
  setLayout(layout: PaneLayout): void;
  toggleLibrary(): void;
  /** Opens a hidden library (search results show there). */
  showLibrary(): void;
}

/**
 * The library pane's width and collapsed state for the window, remembered; its shortcut and the
 * desktop View menu's item toggle it. Used once, by App.
 */
export function usePaneLayout(): PaneLayoutState {
  const [layout, setLayout] = useState(loadPaneLayout);
  useEffect(() => savePaneLayout(layout), [layout]);

  const toggleLibrary = useCallback(() => {
    setLayout((now) => {
      // Focus inside a pane about to be hidden would fall to the page: it goes to the reader.
      const library = document.getElementById(LIBRARY_PANE_ID);
      if (!now.collapsed && library?.contains(document.activeElement)) focusPane('reader');
      return { ...now, collapsed: !now.collapsed };
    });
  }, []);
  const showLibrary = useCallback(
    () => setLayout((now) => (now.collapsed ? { ...now, collapsed: false } : now)),
    [],
  );
  useShortcut('toggleLibrary', () => toggleLibrary());
  useLibraryEvents((event) => {
    if (event.type === 'toggle-library') toggleLibrary();
  });
  return { layout, setLayout, toggleLibrary, showLibrary };
}
