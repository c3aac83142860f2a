/**
 * Drag-and-drop of passages between the reader, the passages sidebar and notes. The data is the
 * passage id alone: whoever receives it looks the passage up (it may live in another article).
 */
import { Id } from '../../../electron/model/ids';

export const PASSAGE_DRAG_TYPE = 'application/x-commonplace-passage';

/** The parts of DataTransfer these helpers use (a real one in the browser, a stand-in in tests). */
export interface DragData {
  readonly types: readonly string[];
  getData(format: string): string;
  setData(format: string, data: string): void;
}

/** Marks a drag as carrying a passage; `quote` also goes as plain text for drops elsewhere. */
export function setPassageDrag(data: DragData, passageId: string, quote?: string): void {
  data.setData(PASSAGE_DRAG_TYPE, passageId);
  if (quote !== undefined) data.setData('text/plain', quote);
}

/** Whether a drag carries a passage (readable during dragover, when the data itself is not). */
export function isPassageDrag(data: DragData | null): boolean {
  return data !== null && Array.from(data.types).includes(PASSAGE_DRAG_TYPE);
}

/** The dragged passage's id on drop, or null when the drag carries none (or something malformed). */
export function passageIdFromDrag(data: DragData | null): string | null {
  if (!isPassageDrag(data)) return null;
  const id = data!.getData(PASSAGE_DRAG_TYPE).trim();
  return Id.safeParse(id).success ? id : null;
}
