import { useEffect, useRef } from 'react';
import { isElectron } from '../api/client';
import { isModKey } from './keys';
import { cyclePaneFocus } from './paneFocus';

/**
 * App-wide keys: Ctrl/Cmd+O imports, F6 / Shift+F6 move between panes. In Electron the File menu
 * owns Ctrl/Cmd+O (native dialog; it starts a bulk import job whose progress and report arrive as events), so the page
 * leaves it alone there rather than open a second picker.
 */
export function useShortcuts(onImport: () => void): void {
  const onImportRef = useRef(onImport);
  useEffect(() => {
    onImportRef.current = onImport;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (isModKey(event, 'o') && !isElectron()) {
        event.preventDefault();
        onImportRef.current();
      } else if (event.key === 'F6' && !mod && !event.altKey) {
        event.preventDefault();
        cyclePaneFocus(event.shiftKey);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
