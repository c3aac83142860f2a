import { isElectron } from '../api/client';
import { cyclePaneFocus } from './paneFocus';
import { useShortcut } from './useShortcut';

/**
 * App-wide keys: Ctrl/Cmd+O imports, F6 / Shift+F6 move between panes. In Electron the File menu
 * owns Ctrl/Cmd+O (native dialog; it starts a bulk import job whose progress and report arrive as events), so the page
 * leaves it alone there rather than open a second picker.
 */
export function useShortcuts(onImport: () => void): void {
  useShortcut(['import', 'nextPane', 'previousPane'], (_event, id) => {
    if (id === 'import') {
      if (isElectron()) return false;
      onImport();
    } else cyclePaneFocus(id === 'previousPane');
  });
}
