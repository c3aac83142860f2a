/** The style "Copy as citation" uses, remembered in localStorage (null: the short citation). */
import { CitationStyleSchema, type CitationStyle } from '../../../electron/model/export';
import { windowStorage } from '../app/windowStorage';

const KEY = 'commonplace.citationStyle';

export function readCitationStyle(
  storage: Pick<Storage, 'getItem'> | null = windowStorage(),
): CitationStyle | null {
  const v = storage?.getItem(KEY) ?? null;
  // A bundled style or an added one's id; whether an added one still exists is the picker's to check.
  const parsed = CitationStyleSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}

export function saveCitationStyle(
  style: CitationStyle | null,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null = windowStorage(),
): void {
  if (!storage) return;
  if (style) storage.setItem(KEY, style);
  else storage.removeItem(KEY);
}
