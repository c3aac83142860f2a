/** The style "Copy as citation" uses, remembered in localStorage (null: the short citation). */
import type { CitationStyle } from '../../../electron/model/export';
import { STYLE_OPTIONS } from '../export/formats';

const KEY = 'commonplace.citationStyle';
const STYLES: readonly (CitationStyle | null)[] = STYLE_OPTIONS.map((o) => o.value || null);

export function readCitationStyle(
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): CitationStyle | null {
  const v = storage?.getItem(KEY) ?? null;
  return STYLES.find((s) => s === v) ?? null;
}

export function saveCitationStyle(
  style: CitationStyle | null,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage(),
): void {
  if (!storage) return;
  if (style) storage.setItem(KEY, style);
  else storage.removeItem(KEY);
}

/** localStorage can be missing or throw (privacy modes); the setting then lasts the session only. */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
